package descent.plot;

import java.awt.image.BufferedImage;
import java.util.List;

/** What every plot kind shares: it draws itself onto a {@link Canvas}; the image and the layout come from that. */
abstract class Drawing implements Plot {

    /** Draws the plot, recording every text. */
    abstract Canvas render();

    /** "figure \"title\"" and the like, for messages. */
    abstract String describe();

    @Override
    public final BufferedImage image() {
        return render().finish(describe());
    }

    @Override
    public final List<TextBox> layout() {
        Canvas c = render();
        c.g.dispose();
        return List.copyOf(c.texts);
    }
}
