package org.softmaxzoo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.testing.TestData;

/** Data provenance: official content only (by SHA-256 of the decompressed files), recorded per split. */
class ProvenanceTest {
    @TempDir
    Path dir;

    private static final Downloader NOWHERE = new Downloader(kind -> List.of("http://127.0.0.1:9/"));

    // From ../shared/datasets/README.md's table (the official files' decompressed content), typed here.
    private static final String MNIST_TEST_LABELS = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2";
    private static final String FASHION_TRAIN_IMAGES = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888";

    @Test
    void theOfficialFilesLoadAndAreRecordedAsOfficial() {
        Datasets.Split fashion = new Datasets(TestData.root()).load(DatasetKind.FASHION_MNIST);
        assertTrue(fashion.provenance().official());
        assertEquals(FASHION_TRAIN_IMAGES, fashion.provenance().properties().get("data.train-images-idx3-ubyte.sha256"));
        assertEquals("true", fashion.provenance().properties().get(Provenance.OFFICIAL_KEY));
        assertEquals(5, fashion.provenance().properties().size());
    }

    /** A copy of MNIST whose test labels differ in one byte; the other three files are the official ones. */
    private Path alteredMnist() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("altered").resolve("mnist"));
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            Path official = TestData.root().resolve("mnist").resolve(part.fileName + ".gz");
            byte[] content;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(official))) {
                content = in.readAllBytes();
            }
            if (part == DatasetKind.Part.TEST_LABELS) {
                content[8] = (byte) ((content[8] + 1) % 10); // the first label, still a valid digit
            }
            Files.write(folder.resolve(part.fileName), content);
        }
        return folder.getParent();
    }

    @Test
    void aCopyWithOtherContentIsRefusedNamingTheFileAndBothHashes() throws IOException {
        Path root = alteredMnist();
        DataException e = assertThrows(DataException.class, () -> new Datasets(root, NOWHERE).load(DatasetKind.MNIST));
        assertTrue(e.getMessage().contains(root.resolve("mnist").resolve("t10k-labels-idx1-ubyte") + ": not the official mnist file"),
                e.getMessage());
        assertTrue(e.getMessage().contains("official " + MNIST_TEST_LABELS), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-unofficial-data"), e.getMessage());
        String altered = IdxFile.sha256(Files.readAllBytes(root.resolve("mnist").resolve("t10k-labels-idx1-ubyte")));
        assertFalse(altered.equals(MNIST_TEST_LABELS));
        assertTrue(e.getMessage().contains("content SHA-256 " + altered), e.getMessage());
    }

    @Test
    void acceptedNonOfficialDataIsRecordedAsSuch() throws IOException {
        Path root = alteredMnist();
        Datasets.Split split = new Datasets(root, NOWHERE).acceptingUnofficial().load(DatasetKind.MNIST);
        assertFalse(split.provenance().official());
        assertEquals("false", split.provenance().properties().get(Provenance.OFFICIAL_KEY));
        assertFalse(MNIST_TEST_LABELS.equals(split.provenance().properties().get("data.t10k-labels-idx1-ubyte.sha256")));
        // A subset of the split keeps its files' record.
        assertEquals(split.provenance(), split.derive(split.train().limit(10), split.test()).provenance());
    }

    @Test
    void aFallbackFolderServesFilesTheRootLacks() {
        Path empty = dir.resolve("empty");
        Datasets.Split mnist = new Datasets(empty, List.of(TestData.root()), NOWHERE, false).load(DatasetKind.MNIST);
        assertEquals(60000, mnist.train().size());
        assertTrue(Files.notExists(empty.resolve("mnist")), "nothing downloaded into the root");
    }

    @Test
    void aRootPointingAtTheDataSetFolderItselfGetsAHint() {
        Path mnistFolder = TestData.root().resolve("mnist");
        DataException e = assertThrows(DataException.class, () -> new Datasets(mnistFolder, NOWHERE).load(DatasetKind.MNIST));
        assertTrue(e.getMessage().contains("holds the IDX files itself"), e.getMessage());
        assertTrue(e.getMessage().contains("pass --data " + mnistFolder.toAbsolutePath().getParent()), e.getMessage());
    }

    @Test
    void runsWithoutRecordedDataHaveTheirOwnFingerprint() {
        assertEquals("unrecorded", Provenance.fingerprint(java.util.Map.of("seed", "1")));
        java.util.Map<String, String> a = new Datasets(TestData.root()).load(DatasetKind.MNIST).provenance().properties();
        assertTrue(Provenance.fingerprint(a).contains(MNIST_TEST_LABELS));
    }
}
