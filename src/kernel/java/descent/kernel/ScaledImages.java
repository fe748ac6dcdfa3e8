package descent.kernel;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Shows images as PNG, like rapaio's own image renderer, and shows a {@code descent.plot} figure — drawn with
 * twice as many pixels as its nominal size, for sharp text on high-density screens — at its nominal size: such an
 * image carries the property {@code descent.scale} ("2"), and the output gets Jupyter's
 * {@code {"image/png": {"width": w / 2, "height": h / 2}}} metadata, which the notebook front end and nbconvert's
 * HTML both honour.
 *
 * <p>rapaio finds this class through {@code META-INF/services} on the kernel's class path
 * ({@code target/kernel/boot}) and tries it before its own renderers.
 */
public final class ScaledImages implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new Renderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    static final class Renderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return RenderedImage.class;
        }

        @Override
        public boolean canRender(String mime) {
            return mime == null || mime.isBlank() || mime.equals("image/png") || mime.equals("png");
        }

        @Override
        public DisplayData render(String mime, Object o) {
            RenderedImage image = (RenderedImage) o;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DisplayData d = DisplayData.withType("image/png", Base64.getEncoder().encodeToString(bytes.toByteArray()));
            int scale = scale(image);
            if (scale > 1) {
                d.putMetaData("image/png", Map.of("width", image.getWidth() / scale, "height", image.getHeight() / scale));
            }
            return d;
        }

        static int scale(RenderedImage image) {
            Object p = image.getProperty("descent.scale");
            if (p instanceof String s) {
                try {
                    return Math.max(1, Integer.parseInt(s.trim()));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
            return 1;
        }
    }
}
