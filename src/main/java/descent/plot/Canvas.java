package descent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

/**
 * Where a plot draws: a white image of {@link Plot#SCALE} times the nominal size, a {@link Graphics2D} scaled so
 * that every coordinate is in nominal pixels, and the list of every text drawn with its box, so that a layout can
 * be checked for overlapping or clipped text ({@link TextBox#problems}).
 *
 * <p>Text is measured with fractional metrics, so a width measured here is the width drawn at any scale.
 */
final class Canvas {

    /** Image property holding the display scale as a string ("2"): the kernel shows the image at width / scale. */
    static final String SCALE_PROPERTY = "descent.scale";

    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    static final Color INK = new Color(34, 34, 34);
    static final Color FRAME = new Color(90, 90, 90);
    static final Color GRID = new Color(232, 232, 232);

    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    final int width;
    final int height;
    final BufferedImage image;
    final Graphics2D g;
    final List<TextBox> texts = new ArrayList<>();

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.image = newImage(width * Plot.SCALE, height * Plot.SCALE);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(Plot.SCALE, Plot.SCALE);
    }

    /** An RGB image carrying the display scale as a property (see {@link #SCALE_PROPERTY}). */
    static BufferedImage newImage(int pixelWidth, int pixelHeight) {
        ColorModel cm = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        WritableRaster raster = cm.createCompatibleWritableRaster(pixelWidth, pixelHeight);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SCALE_PROPERTY, Integer.toString(Plot.SCALE));
        return new BufferedImage(cm, raster, false, props);
    }

    /** Width and height of a one-line text (advance width; ascent + descent). */
    static double textWidth(String text, Font font) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
    }

    static double lineHeight(Font font) {
        return font.getLineMetrics("Hg", FRC).getAscent() + font.getLineMetrics("Hg", FRC).getDescent();
    }

    static double ascent(Font font) {
        return font.getLineMetrics("Hg", FRC).getAscent();
    }

    /** Horizontal anchor: 0 left, 0.5 centre, 1 right; vertical anchor: 0 top, 0.5 middle, 1 bottom. */
    Rectangle2D text(String role, String text, Font font, Color color, double x, double y, double ax, double ay) {
        double w = textWidth(text, font), h = lineHeight(font);
        double left = x - ax * w, top = y - ay * h;
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) left, (float) (top + ascent(font)));
        Rectangle2D box = new Rectangle2D.Double(left, top, w, h);
        texts.add(new TextBox(role, text, box));
        return box;
    }

    /** Text turned 90° counter-clockwise (reads bottom to top), anchored like {@link #text} on its rotated box. */
    Rectangle2D textUp(String role, String text, Font font, Color color, double x, double y, double ax, double ay) {
        double w = textWidth(text, font), h = lineHeight(font);
        // the rotated box is h wide and w tall
        double left = x - ax * h, top = y - ay * w;
        AffineTransform saved = g.getTransform();
        g.translate(left + ascent(font), top + w);
        g.rotate(-Math.PI / 2);
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, 0f, 0f);
        g.setTransform(saved);
        Rectangle2D box = new Rectangle2D.Double(left, top, h, w);
        texts.add(new TextBox(role, text, box));
        return box;
    }

    void stroke(Color color, float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    }

    BufferedImage finish(String what) {
        g.dispose();
        List<String> problems = TextBox.problems(texts, width, height);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(what + ": text would be unreadable: " + String.join("; ", problems)
                    + ". Use shorter text or a larger figure.");
        }
        return image;
    }
}
