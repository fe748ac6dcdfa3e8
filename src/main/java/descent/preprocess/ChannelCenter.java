package descent.preprocess;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-channel centring of images (the VGG recipe of COMP541 lecture 4): one mean per colour channel, over every
 * pixel of every training image, subtracted from every pixel of that channel. A row holds one image in
 * channel-last order (height × width × channels, as CIFAR-10's [32, 32, 3]), so column k belongs to channel
 * k mod C. Compare {@link Center}, which subtracts a whole mean image (one mean per pixel and channel).
 */
public final class ChannelCenter extends ColumnAffine {

    private final int channels;
    private double[] channelMeans;

    public ChannelCenter(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("ChannelCenter needs at least 1 channel, got " + channels);
        }
        this.channels = channels;
    }

    @Override
    protected void fitColumns(DMatrixRMaj train) {
        int d = train.numCols;
        if (d % channels != 0) {
            throw new IllegalArgumentException(String.format(
                    "ChannelCenter.fit: %d columns are not a whole number of pixels with %d channels", d, channels));
        }
        double[] colMeans = columnMeans(train);
        channelMeans = new double[channels];
        for (int j = 0; j < d; j++) {
            channelMeans[j % channels] += colMeans[j];
        }
        for (int c = 0; c < channels; c++) {
            channelMeans[c] /= d / channels;
        }
        offset = new double[d];
        gain = new double[d];
        for (int j = 0; j < d; j++) {
            offset[j] = channelMeans[j % channels];
            gain[j] = 1.0;
        }
    }

    /** The C channel means. */
    public double[] channelMeans() {
        offsets();
        return channelMeans.clone();
    }

    @Override
    public ChannelCenter fit(DMatrixRMaj train) {
        super.fit(train);
        return this;
    }

    @Override
    public String name() {
        return "ChannelCenter(" + channels + ")";
    }
}
