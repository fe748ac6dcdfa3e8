package descent.nn;

/**
 * What every pooling layer over k×k windows has in common: the windows on {@link Conv2d}'s layout (row n holds C
 * feature maps of H×W; the output is C×H_o×W_o with H_o = ⌊(H − k)/s⌋ + 1), their sizes and the layer's name.
 * {@link MaxPool2d} takes each window's largest entry, {@link StochasticPooling} samples one.
 */
public abstract class Pooling2d implements Layer {

    private final String kind;
    final PoolingWindows windows;

    Pooling2d(String kind, int channels, int height, int width, int size, int stride) {
        this.kind = kind;
        this.windows = new PoolingWindows(kind, channels, height, width, size, stride);
    }

    /** C·H·W: the entries of one example's input. */
    public int inputSize() {
        return windows.inputSize();
    }

    /** C·H_o·W_o: the entries of one example's output. */
    public int outputSize() {
        return windows.outputSize();
    }

    public int outputHeight() {
        return windows.outHeight;
    }

    public int outputWidth() {
        return windows.outWidth;
    }

    @Override
    public String name() {
        return kind + " " + windows.describe();
    }
}
