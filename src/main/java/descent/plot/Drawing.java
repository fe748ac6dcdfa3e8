package descent.plot;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What every plot kind shares: it draws itself onto a {@link Canvas}; the image and the layout come from that.
 * The two methods are not final so that javac gives each public subclass its own public copy (a public method
 * inherited from a package-private class cannot be called by reflection, as a notebook kernel may do).
 */
abstract class Drawing implements Plot {

    /** Draws the plot, recording every text. */
    abstract Canvas render();

    /** "figure \"title\"" and the like, for messages. */
    abstract String describe();

    @Override
    public BufferedImage image() {
        return render().finish(describe());
    }

    @Override
    public List<TextBox> layout() {
        Canvas c = render();
        c.g.dispose();
        return List.copyOf(c.texts);
    }
}
