package descent.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Anything {@code descent.plot} draws: an x-y {@link Figure}, a {@link BarChart}, a {@link Heatmap}, an
 * {@link ImageGrid}. Sizes are nominal pixels (what a reader sees); {@link #image()} has {@link #SCALE} times as
 * many pixels in each direction, for sharp text on high-density screens, and the Jupyter kernel and the HTML site
 * show it at the nominal size.
 */
public interface Plot {

    /** Pixels per nominal pixel in {@link #image()}. */
    int SCALE = 2;

    /** Nominal width in pixels. */
    int width();

    /** Nominal height in pixels. */
    int height();

    /**
     * Renders the plot: {@code width() × SCALE} by {@code height() × SCALE} pixels. Throws
     * {@link IllegalStateException} naming the texts if any two would overlap or one would be cut off (text too
     * long for the figure).
     */
    BufferedImage image();

    /** Every text the plot draws, with its box in nominal pixels (for checking a layout; nothing is thrown). */
    List<TextBox> layout();

    /** The image as PNG bytes. */
    default byte[] png() {
        return Figure.toPng(image());
    }

    /** Writes the image as a PNG file (parent folders are created) and returns the path. */
    default Path save(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, png());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the figure to " + file, e);
        }
    }
}
