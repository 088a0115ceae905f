package org.softmaxzoo.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads MNIST or Fashion-MNIST from a data root. A file may be plain IDX or {@code .gz}; files
 * supplied by the user are checked by structure (magic, dimensions, counts, label range), and only
 * files this class downloads are checked against the published archive MD5.
 */
public final class Datasets {
    public static final int NUM_CLASSES = 10;
    public static final int SIDE = 28;

    private final Path root;
    private final Downloader downloader;

    public Datasets(Path root) {
        this(root, new Downloader());
    }

    public Datasets(Path root, Downloader downloader) {
        this.root = root;
        this.downloader = downloader;
    }

    public Path root() {
        return root;
    }

    /** Both splits of a data set. */
    public record Split(ImageSet train, ImageSet test) {
    }

    public Split load(DatasetKind kind) {
        return new Split(
                loadPair(kind, DatasetKind.Part.TRAIN_IMAGES, DatasetKind.Part.TRAIN_LABELS),
                loadPair(kind, DatasetKind.Part.TEST_IMAGES, DatasetKind.Part.TEST_LABELS));
    }

    private ImageSet loadPair(DatasetKind kind, DatasetKind.Part imagesPart, DatasetKind.Part labelsPart) {
        IdxFile images = IdxFile.read(locate(kind, imagesPart));
        IdxFile labels = IdxFile.read(locate(kind, labelsPart));
        ImageSet set = toImageSet(images, labels);
        // Checked here, naming the file, rather than as a buffer or graph-shape failure deep in training.
        if (set.height() != SIDE || set.width() != SIDE) {
            throw new DataException(images.path() + ": images of " + set.height() + " x " + set.width() + " pixels (dimensions "
                    + Arrays.toString(images.dims()) + "), but " + kind.experimentName() + " has " + SIDE + " x " + SIDE
                    + "; replace the file with the data set's own");
        }
        return set;
    }

    /** Pairs an image file with its label file, checking shapes, counts and the label range. */
    static ImageSet toImageSet(IdxFile images, IdxFile labels) {
        if (images.dims().length != 3) {
            throw new DataException(images.path() + ": expected images of rank 3 (count, rows, cols), got dimensions "
                    + Arrays.toString(images.dims()));
        }
        if (labels.dims().length != 1) {
            throw new DataException(labels.path() + ": expected labels of rank 1, got dimensions "
                    + Arrays.toString(labels.dims()));
        }
        int count = images.dims()[0];
        if (labels.dims()[0] != count) {
            throw new DataException("image/label count mismatch: " + images.path() + " has " + count + " images, "
                    + labels.path() + " has " + labels.dims()[0] + " labels");
        }
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= NUM_CLASSES) {
                throw new DataException(labels.path() + ": label " + y[i] + " at index " + i + " is outside 0-"
                        + (NUM_CLASSES - 1));
            }
        }
        byte[] raw = images.data();
        float[] px = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            px[i] = (raw[i] & 0xff) / 255f;
        }
        return new ImageSet(px, y, images.dims()[1], images.dims()[2], NUM_CLASSES);
    }

    /** The file for a part: plain or {@code .gz}, downloaded into the root if neither is there. */
    Path locate(DatasetKind kind, DatasetKind.Part part) {
        Path folder = root.resolve(kind.folder);
        Path plain = folder.resolve(part.fileName);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(part.fileName + ".gz");
        if (!Files.isRegularFile(gz)) {
            downloader.download(kind, part, gz);
        }
        return gz;
    }
}
