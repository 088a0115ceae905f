package org.softmaxzoo.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images of the wrong shape are refused at load, naming the file, not deep in training. */
class ImageShapeTest {
    @TempDir
    Path dir;

    private void write(DatasetKind.Part part, int[] dims) throws IOException {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        Path folder = Files.createDirectories(dir.resolve(DatasetKind.MNIST.folder));
        Files.write(folder.resolve(part.fileName), IdxFileTest.idx(dims, new byte[(int) n]));
    }

    private void labels() throws IOException {
        write(DatasetKind.Part.TRAIN_LABELS, new int[] {2});
        write(DatasetKind.Part.TEST_LABELS, new int[] {2});
    }

    @Test
    void trainImagesOf784By1AreRefusedNamingTheFile() throws IOException {
        labels();
        write(DatasetKind.Part.TRAIN_IMAGES, new int[] {2, 784, 1});
        write(DatasetKind.Part.TEST_IMAGES, new int[] {2, 28, 28});
        DataException e = assertThrows(DataException.class, () -> new Datasets(dir).load(DatasetKind.MNIST));
        assertTrue(e.getMessage().startsWith(dir.resolve("mnist").resolve(DatasetKind.Part.TRAIN_IMAGES.fileName) + ": images of 784 x 1"),
                e.getMessage());
    }

    @Test
    void testImagesOf14By56AreRefusedNamingTheFile() throws IOException {
        labels();
        write(DatasetKind.Part.TRAIN_IMAGES, new int[] {2, 28, 28});
        write(DatasetKind.Part.TEST_IMAGES, new int[] {2, 14, 56});
        DataException e = assertThrows(DataException.class, () -> new Datasets(dir).load(DatasetKind.MNIST));
        assertTrue(e.getMessage().contains(DatasetKind.Part.TEST_IMAGES.fileName + ": images of 14 x 56")
                && e.getMessage().contains("28 x 28"), e.getMessage());
    }
}
