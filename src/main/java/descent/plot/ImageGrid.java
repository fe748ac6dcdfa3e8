package descent.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Small grayscale images in a grid, each with an optional caption below it: Fashion-MNIST examples, the
 * misclassified ones with their true and predicted class, learned filters. {@code Figure.images(title, images,
 * rows, cols)} makes one; each image is a row-major array of {@code rows × cols} values.
 *
 * <pre>{@code
 * Figure.images("Misclassified test images", wrong, 28, 28)
 *       .captions("true: Shirt\npredicted: T-shirt/top", ...)
 *       .columns(6)
 *       .image();
 * }</pre>
 *
 * <p>Defaults: white for the smallest value of all images and black for the largest
 * ({@link Colormap#GRAY_REVERSED}, the way printed digits look), 3 nominal pixels per image pixel, at most 10
 * images per row. The figure's size follows from these and from the captions (a caption may have several
 * lines, separated by {@code \n}), so no caption is cut off.
 */
public final class ImageGrid extends Drawing {

    static final float CAPTION_SIZE = 10.5f;
    private static final double GAP = 10;

    private final String title;
    private final List<double[]> images;
    private final int rows, cols;
    private String[] captions;
    private boolean[] flagged;
    private int columns;
    private int pixel = 3;
    private double lo = Double.NaN, hi = Double.NaN;
    private Colormap colormap = Colormap.GRAY_REVERSED;

    ImageGrid(String title, List<double[]> images, int rows, int cols) {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("image grid \"" + title + "\" needs at least one image");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image grid \"" + title + "\": images need rows, cols ≥ 1, got " + rows + "×" + cols);
        }
        this.images = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            double[] im = images.get(i);
            if (im == null || im.length != rows * cols) {
                throw new IllegalArgumentException("image grid \"" + title + "\": image " + i + " has "
                        + (im == null ? "no" : im.length) + " values, a " + rows + "×" + cols + " image has " + rows * cols);
            }
            for (int k = 0; k < im.length; k++) {
                if (!Double.isFinite(im[k])) {
                    throw new IllegalArgumentException("image grid \"" + title + "\": image " + i + " has value "
                            + im[k] + " at row " + k / cols + ", column " + k % cols);
                }
            }
            this.images.add(im.clone());
        }
        this.title = title == null ? "" : title;
        this.rows = rows;
        this.cols = cols;
        this.columns = Math.min(10, images.size());
    }

    /** One caption per image ({@code \n} starts a new line); null or "" for none. */
    public ImageGrid captions(String... captions) {
        if (captions == null || captions.length != images.size()) {
            throw new IllegalArgumentException("image grid \"" + title + "\" has " + images.size() + " images, got "
                    + (captions == null ? "no" : captions.length) + " captions");
        }
        this.captions = captions.clone();
        return this;
    }

    /** Draws the captions of these images in red (e.g. the wrong predictions). */
    public ImageGrid flag(int... indices) {
        flagged = new boolean[images.size()];
        for (int i : indices) {
            if (i < 0 || i >= images.size()) {
                throw new IllegalArgumentException("image grid \"" + title + "\" has images 0.." + (images.size() - 1)
                        + ", cannot flag " + i);
            }
            flagged[i] = true;
        }
        return this;
    }

    /** Images per row (default: up to 10). */
    public ImageGrid columns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("image grid \"" + title + "\": columns must be ≥ 1, got " + n);
        }
        columns = Math.min(n, images.size());
        return this;
    }

    /** Nominal pixels per image pixel (default 3: a 28×28 image is 84 pixels wide). */
    public ImageGrid pixelSize(int p) {
        if (p < 1 || p > 32) {
            throw new IllegalArgumentException("image grid \"" + title + "\": pixel size must be 1..32, got " + p);
        }
        pixel = p;
        return this;
    }

    /** The values drawn at the two ends of the gray scale (default: smallest and largest of all images). */
    public ImageGrid range(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("image grid \"" + title + "\": range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    public ImageGrid colormap(Colormap map) {
        if (map == null) {
            throw new IllegalArgumentException("image grid \"" + title + "\": colour map is null");
        }
        colormap = map;
        return this;
    }

    private static Font captionFont() {
        return Canvas.font(CAPTION_SIZE, false);
    }

    private String[] lines(int i) {
        return captions == null || captions[i] == null || captions[i].isEmpty() ? new String[0] : captions[i].split("\n");
    }

    private double cellWidth() {
        double w = cols * pixel;
        for (int i = 0; i < images.size(); i++) {
            for (String l : lines(i)) {
                w = Math.max(w, Canvas.textWidth(l, captionFont()));
            }
        }
        return Math.ceil(w + GAP);
    }

    private double captionHeight() {
        int n = 0;
        for (int i = 0; i < images.size(); i++) {
            n = Math.max(n, lines(i).length);
        }
        return n == 0 ? 0 : 3 + n * Canvas.lineHeight(captionFont());
    }

    private double cellHeight() {
        return Math.ceil(rows * pixel + captionHeight() + GAP);
    }

    private List<String> titleLines(double w) {
        if (title.isBlank()) {
            return List.of();
        }
        List<String> l = Axes.wrap(title, Canvas.font(Axes.TITLE_SIZE, true), w - 2 * Axes.PAD, 3);
        return l == null ? List.of(title) : l;
    }

    private int gridWidth() {
        return (int) Math.ceil(columns * cellWidth() + 2 * Axes.PAD - GAP);
    }

    @Override
    public int width() {
        int w = gridWidth();
        double t = Canvas.textWidth(title, Canvas.font(Axes.TITLE_SIZE, true)) + 2 * Axes.PAD;
        return (int) Math.ceil(Math.max(Math.max(w, 120), Math.min(t, Math.max(w, 480))));
    }

    private double titleHeight() {
        List<String> l = titleLines(width());
        return l.isEmpty() ? 0 : l.size() * Canvas.lineHeight(Canvas.font(Axes.TITLE_SIZE, true)) * 1.1 + 8;
    }

    @Override
    public int height() {
        int gridRows = (images.size() + columns - 1) / columns;
        return (int) Math.ceil(Axes.PAD + titleHeight() + gridRows * cellHeight() - GAP + Axes.PAD);
    }

    @Override
    Canvas render() {
        int w = width(), h = height();
        Canvas c = new Canvas(w, h);
        Font tf = Canvas.font(Axes.TITLE_SIZE, true), cf = captionFont();
        double y = Axes.PAD;
        for (String line : titleLines(w)) {
            c.text("title", line, tf, Canvas.INK, w / 2.0, y, 0.5, 0);
            y += Canvas.lineHeight(tf) * 1.1;
        }
        double top = Axes.PAD + titleHeight(), cw = cellWidth(), ch = cellHeight();
        double left = (w - (columns * cw - GAP)) / 2;
        double min = lo, max = hi;
        if (Double.isNaN(lo)) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (double[] im : images) {
                for (double v : im) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min == max) {
                max = min + 1;
            }
        }
        for (int i = 0; i < images.size(); i++) {
            double cx = left + (i % columns) * cw + (cw - GAP) / 2, cy = top + (i / columns) * ch;
            BufferedImage small = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
            double[] im = images.get(i);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    small.setRGB(k, r, colormap.color(im[r * cols + k], min, max).getRGB());
                }
            }
            double x0 = cx - cols * pixel / 2.0;
            c.g.drawImage(small, (int) Math.round(x0), (int) Math.round(cy), cols * pixel, rows * pixel, null);
            c.stroke(new Color(200, 200, 200), 0.6f);
            c.g.draw(new Rectangle2D.Double(Math.round(x0), Math.round(cy), cols * pixel, rows * pixel));
            double ty = cy + rows * pixel + 3;
            Color ink = flagged != null && flagged[i] ? new Color(200, 30, 30) : Canvas.INK;
            for (String line : lines(i)) {
                c.text("caption", line, cf, ink, cx, ty, 0.5, 0);
                ty += Canvas.lineHeight(cf);
            }
        }
        return c;
    }

    @Override
    String describe() {
        return "image grid \"" + title + "\"";
    }
}
