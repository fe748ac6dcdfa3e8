package descent.plot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of text a plot drew: what it is ({@code "title"}, {@code "x tick"}, {@code "legend"}, ...), the
 * text, and its box in nominal pixels. {@link Plot#layout()} returns them so tests (and {@link #problems}) can
 * check that no two overlap and none leaves the image.
 */
public record TextBox(String role, String text, Rectangle2D box) {

    /** Boxes closer than this (in nominal pixels) count as touching. */
    static final double TOLERANCE = 0.5;

    /**
     * Every pair of boxes that overlap, and every box not wholly inside the {@code width × height} image, as
     * readable sentences; empty when the layout is clean.
     */
    public static List<String> problems(List<TextBox> texts, int width, int height) {
        List<String> out = new ArrayList<>();
        for (TextBox t : texts) {
            Rectangle2D b = t.box;
            if (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE || b.getMaxX() > width + TOLERANCE
                    || b.getMaxY() > height + TOLERANCE) {
                out.add(String.format("%s \"%s\" is clipped by the %d×%d image (box x %.1f–%.1f, y %.1f–%.1f)",
                        t.role, t.text, width, height, b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY()));
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D a = shrink(texts.get(i).box), b = shrink(texts.get(j).box);
                if (a.intersects(b)) {
                    out.add(String.format("%s \"%s\" overlaps %s \"%s\"", texts.get(i).role, texts.get(i).text,
                            texts.get(j).role, texts.get(j).text));
                }
            }
        }
        return out;
    }

    private static Rectangle2D shrink(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() + TOLERANCE, r.getY() + TOLERANCE,
                Math.max(0, r.getWidth() - 2 * TOLERANCE), Math.max(0, r.getHeight() - 2 * TOLERANCE));
    }
}
