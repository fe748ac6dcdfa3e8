package descent.plot;

import java.awt.Color;

/**
 * Colour scales for heatmaps and images: {@link #VIRIDIS} (matplotlib's default, perceptually even, readable in
 * grey) for values of one sign, {@link #DIVERGING} (blue – white – red, white at the middle of the range) for
 * values of both signs, {@link #GRAY_REVERSED} (white for the low end, black for the high end) for images.
 */
public enum Colormap {
    VIRIDIS(new int[][]{{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142}, {31, 158, 137},
            {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}}),
    DIVERGING(new int[][]{{5, 48, 97}, {33, 102, 172}, {67, 147, 195}, {146, 197, 222}, {209, 229, 240},
            {247, 247, 247}, {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43}, {103, 0, 31}}),
    GRAY_REVERSED(new int[][]{{255, 255, 255}, {0, 0, 0}});

    private final int[][] anchors;

    Colormap(int[][] anchors) {
        this.anchors = anchors;
    }

    /** The colour of v on the scale from lo to hi (clamped to the ends; NaN is drawn light grey). */
    public Color color(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return new Color(220, 220, 220);
        }
        double f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        f = Math.max(0, Math.min(1, f)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(f));
        double t = f - i;
        int[] a = anchors[i], b = anchors[i + 1];
        return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
                (int) Math.round(a[2] + t * (b[2] - a[2])));
    }

    /** Black or white, whichever reads better on the colour c (by its relative luminance). */
    static Color textOn(Color c) {
        double l = 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
        return l > 0.36 ? Canvas.INK : Color.WHITE;
    }

    private static double lin(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
