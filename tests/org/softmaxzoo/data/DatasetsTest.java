package org.softmaxzoo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.testing.TestData;

class DatasetsTest {
    @TempDir
    Path dir;

    private static IdxFile images(int count) {
        byte[] px = new byte[count * 4];
        px[0] = (byte) 255;
        px[1] = (byte) 51;
        return new IdxFile(Path.of("imgs"), new int[] {count, 2, 2}, px);
    }

    @Test
    void pairsImagesWithLabelsAndScalesPixels() {
        ImageSet set = Datasets.toImageSet(images(3), new IdxFile(Path.of("lbls"), new int[] {3}, new byte[] {7, 0, 9}));
        assertArrayEquals(new int[] {7, 0, 9}, set.labels());
        assertEquals(1.0f, set.pixels()[0]);
        assertEquals(0.2f, set.pixels()[1], 1e-7);
        assertEquals(2, set.height());
    }

    @Test
    void refusesCountMismatch() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.toImageSet(images(3), new IdxFile(Path.of("lbls"), new int[] {2}, new byte[] {1, 2})));
        assertTrue(e.getMessage().contains("image/label count mismatch") && e.getMessage().contains("has 3 images")
                && e.getMessage().contains("has 2 labels"), e.getMessage());
    }

    @Test
    void refusesLabelOutOfRange() {
        DataException e = assertThrows(DataException.class,
                () -> Datasets.toImageSet(images(2), new IdxFile(Path.of("lbls"), new int[] {2}, new byte[] {3, 10})));
        assertTrue(e.getMessage().contains("label 10 at index 1 is outside 0-9"), e.getMessage());
    }

    @Test
    void refusesImagesOfWrongRank() {
        DataException e = assertThrows(DataException.class, () -> Datasets.toImageSet(
                new IdxFile(Path.of("imgs"), new int[] {4}, new byte[4]), new IdxFile(Path.of("l"), new int[] {4}, new byte[4])));
        assertTrue(e.getMessage().contains("expected images of rank 3"), e.getMessage());
    }

    @Test
    void missingFileWithNoReachableHostIsAClearError() throws IOException {
        Downloader nowhere = new Downloader(kind -> List.of("http://127.0.0.1:9/"));
        DataException e = assertThrows(DataException.class, () -> new Datasets(dir, nowhere).load(DatasetKind.MNIST));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz: file missing and could not be downloaded"),
                e.getMessage());
        assertTrue(e.getMessage().contains(DataRoot.ENV), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("mnist/train-images-idx3-ubyte.gz")), "nothing half-written is left behind");
    }

    /** A local server stands in for the official host: the published MD5 decides whether a download is kept. */
    @Test
    void keepsADownloadOnlyWhenItsMd5IsThePublishedOne() throws IOException {
        // The offline Fashion-MNIST label files are byte-identical to the official archives (same MD5).
        byte[] official = Files.readAllBytes(new Datasets(TestData.root()).locate(DatasetKind.FASHION_MNIST, DatasetKind.Part.TEST_LABELS));
        Map<String, byte[]> served = Map.of("/t10k-labels-idx1-ubyte.gz", official);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = served.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        try {
            Downloader local = new Downloader(kind -> List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
            Path target = dir.resolve("t10k-labels-idx1-ubyte.gz");
            // The bytes served are not the official archive: the MD5 check must refuse them.
            DataException e = assertThrows(DataException.class,
                    () -> local.download(DatasetKind.MNIST, DatasetKind.Part.TEST_LABELS, target));
            assertTrue(e.getMessage().contains("differs from the published ec29112dd5afa0611ce80d1b7f02629c"), e.getMessage());
            assertTrue(Files.notExists(target));
            // The same bytes are Fashion-MNIST's official test labels: kept, and readable.
            local.download(DatasetKind.FASHION_MNIST, DatasetKind.Part.TEST_LABELS, target);
            assertArrayEquals(official, Files.readAllBytes(target));
            assertEquals(10000, IdxFile.read(target).dims()[0]);
            DataException notFound = assertThrows(DataException.class,
                    () -> local.download(DatasetKind.MNIST, DatasetKind.Part.TRAIN_LABELS, dir.resolve("x.gz")));
            assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void md5MatchesAKnownDigest() {
        // RFC 1321 test vector.
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Downloader.md5("abc".getBytes()));
    }
}
