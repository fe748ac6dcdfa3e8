package capstone;

/** Takes the name of the graded test class. */
class ShadowedTest {
    void answers() {
    }
}
