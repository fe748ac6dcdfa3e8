package descent.grader.report;

/**
 * Text from student code made safe for a terminal: control characters (escape sequences that move the cursor,
 * clear the screen or rewrite earlier lines), C1 controls and bidirectional overrides become U+FFFD. Line breaks
 * and tabs stay.
 */
public final class Terminal {

    private Terminal() {
    }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == '\r';
            if (bad && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\ufffd' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
