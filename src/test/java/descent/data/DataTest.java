package descent.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class DataTest {

    /** Reference values read with Python's gzip module straight from the files. */
    @Test
    void fashionMnistMatchesTheRawFile() {
        Dataset d = FashionMnist.train(10);
        assertEquals(10, d.size());
        assertEquals(784, d.features());
        assertArrayEquals(new int[]{9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, d.labels());
        double sum = 0, max = 0;
        for (int j = 0; j < 784; j++) {
            sum += d.x().get(0, j);
            max = Math.max(max, d.x().get(0, j));
        }
        assertEquals(76247 / 255.0, sum, 1e-9);
        assertEquals(1.0, max, 0);
        assertArrayEquals(new int[]{9, 2, 1, 1, 6}, FashionMnist.test(5).labels());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Exception e = assertThrows(IllegalStateException.class, () -> FashionMnist.load(dir, true, 5));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void corruptAndTruncatedFilesAreNamed(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(images, new byte[]{1, 2, 3, 4, 5});
        Exception notGzip = assertThrows(IllegalStateException.class, () -> FashionMnist.load(dir, true, 5));
        assertTrue(notGzip.getMessage().contains(images.toString()) && notGzip.getMessage().contains("gzip"), notGzip.getMessage());

        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(new byte[]{0, 0, 8, 3, 0, 0, 0, 100, 0, 0, 0, 28, 0, 0, 0, 28, 7, 7, 7}); // 100 images announced, 3 bytes given
        }
        Exception truncated = assertThrows(IllegalStateException.class, () -> FashionMnist.load(dir, true, 5));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains(images.toString()), truncated.getMessage());

        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
            out.write(new byte[]{0, 0, 8, 1, 0, 0, 0, 1});
        }
        Exception magic = assertThrows(IllegalStateException.class, () -> FashionMnist.load(dir, true, 5));
        assertTrue(magic.getMessage().contains("0x00000801"), magic.getMessage());
    }

    @Test
    void syntheticSetsAreSeeded() {
        Dataset a = Synthetic.spirals(50, 3, 0.2, new Random(4)), b = Synthetic.spirals(50, 3, 0.2, new Random(4));
        assertArrayEquals(a.x().data, b.x().data, 0);
        assertEquals(150, a.size());
        assertEquals(3, a.classes());
        Dataset c = Synthetic.blobs(20, 4, 3, 0.5, new Random(1));
        assertEquals(80, c.size());
        double mx = 0;
        for (int i = 0; i < 20; i++) {
            mx += c.x().get(i, 0) / 20;
        }
        assertEquals(3, mx, 0.5); // class 0 sits at (spread, 0)
        assertFalse(java.util.Arrays.equals(a.x().data, Synthetic.spirals(50, 3, 0.2, new Random(5)).x().data));
    }

    @Test
    void splitAndPermutationAreSeededAndComplete() {
        int[] p = Dataset.permutation(100, new Random(2));
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
        Dataset d = Synthetic.blobs(10, 2, 2, 0.3, new Random(0));
        Dataset[] parts = d.split(0.7, new Random(9));
        assertEquals(14, parts[0].size());
        assertEquals(6, parts[1].size());
    }

    /** Block averages by hand on two 4×4 images (k = 2), k = 6 on 6×6, k = 1 as the identity, and the errors. */
    @Test
    void averagePoolingAveragesEachBlock() {
        double[] img = new double[32];
        for (int i = 0; i < 16; i++) {
            img[i] = i;            // image 0: pixel (r, c) = 4r + c
            img[16 + i] = i % 2;   // image 1: columns alternate 0, 1
        }
        Dataset d = new Dataset("toy", new org.ejml.data.DMatrixRMaj(2, 16, true, img), new int[]{0, 1}, 2);
        Dataset p = d.averagePooled(4, 2);
        assertEquals("toy 2×2", p.name());
        assertEquals(4, p.features());
        // block (0,0) of image 0 holds 0, 1, 4, 5: mean 2.5; (0,1) 2, 3, 6, 7: 4.5; (1,0) 8, 9, 12, 13: 10.5; (1,1) 12.5
        assertArrayEquals(new double[]{2.5, 4.5, 10.5, 12.5, 0.5, 0.5, 0.5, 0.5}, p.x().data, 0.0);
        assertArrayEquals(d.labels(), p.labels());
        Random rng = new Random(4);
        double[] big = new double[36];
        double mean = 0;
        for (int i = 0; i < 36; i++) {
            big[i] = rng.nextDouble();
            mean += big[i] / 36;
        }
        Dataset one = new Dataset("one", new org.ejml.data.DMatrixRMaj(1, 36, true, big), new int[]{0}, 1);
        assertEquals(mean, one.averagePooled(6, 6).x().get(0, 0), 1e-15);
        assertArrayEquals(big, one.averagePooled(6, 1).x().data, 0.0);
        Exception notDividing = assertThrows(IllegalArgumentException.class, () -> d.averagePooled(4, 3));
        assertTrue(notDividing.getMessage().contains("k = 3") && notDividing.getMessage().contains("toy"), notDividing.getMessage());
        Exception wrongSide = assertThrows(IllegalArgumentException.class, () -> d.averagePooled(5, 1));
        assertTrue(wrongSide.getMessage().contains("5×5 images (25 features)") && wrongSide.getMessage().contains("got 16 features"),
                wrongSide.getMessage());
    }
}
