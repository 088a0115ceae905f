package org.softmaxzoo.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads MNIST or Fashion-MNIST. A file may be plain IDX or {@code .gz}. Files are looked for in the data
 * root (see {@link DataRoot}), then in the system folder where Debian's {@code dataset-fashion-mnist}
 * installs them ({@value #SYSTEM_FOLDER}), and downloaded into the data root when missing (checked
 * against the published archive MD5). Every file is checked by structure (magic, dimensions, counts,
 * label range) and by content: its decompressed SHA-256 must be the official one, unless non-official
 * data is explicitly accepted, in which case the runs record that ({@link Provenance}).
 */
public final class Datasets {
    public static final int NUM_CLASSES = 10;
    public static final int SIDE = 28;
    public static final String SYSTEM_FOLDER = "/usr/share/datasets";

    private final Path root;
    private final List<Path> fallbacks;
    private final Downloader downloader;
    private final boolean acceptUnofficial;

    /** Official data only, from the root, then the system folder, else downloaded into the root. */
    public Datasets(Path root) {
        this(root, List.of(Path.of(SYSTEM_FOLDER)), new Downloader(), false);
    }

    /** Official data only, from the root or the downloader (no system folder): for tests. */
    public Datasets(Path root, Downloader downloader) {
        this(root, List.of(), downloader, false);
    }

    public Datasets(Path root, List<Path> fallbacks, Downloader downloader, boolean acceptUnofficial) {
        this.root = root;
        this.fallbacks = List.copyOf(fallbacks);
        this.downloader = downloader;
        this.acceptUnofficial = acceptUnofficial;
    }

    /** The same places, accepting files whose content is not the official one (the runs record it). */
    public Datasets acceptingUnofficial() {
        return new Datasets(root, fallbacks, downloader, true);
    }

    public Path root() {
        return root;
    }

    /** Both splits of a data set, and which files they came from. */
    public record Split(ImageSet train, ImageSet test, Provenance provenance) {
        /** Data made in memory (tests): no files, nothing recorded. */
        public Split(ImageSet train, ImageSet test) {
            this(train, test, Provenance.none());
        }

        /** Subsets (or re-labellings) of this split's images: the same files behind them. */
        public Split derive(ImageSet train, ImageSet test) {
            return new Split(train, test, provenance);
        }
    }

    public Split load(DatasetKind kind) {
        Map<DatasetKind.Part, IdxFile.Digested> files = new EnumMap<>(DatasetKind.Part.class);
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            files.put(part, IdxFile.readDigested(locate(kind, part)));
        }
        // Structure and shape first (they name what is wrong in the file), then content.
        ImageSet train = pair(kind, files.get(DatasetKind.Part.TRAIN_IMAGES), files.get(DatasetKind.Part.TRAIN_LABELS));
        ImageSet test = pair(kind, files.get(DatasetKind.Part.TEST_IMAGES), files.get(DatasetKind.Part.TEST_LABELS));
        Map<DatasetKind.Part, String> hashes = new EnumMap<>(DatasetKind.Part.class);
        files.forEach((part, file) -> checkOfficial(kind, part, file, hashes));
        return new Split(train, test, new Provenance(kind, hashes));
    }

    private static ImageSet pair(DatasetKind kind, IdxFile.Digested images, IdxFile.Digested labels) {
        ImageSet set = toImageSet(images.file(), labels.file());
        // Checked here, naming the file, rather than as a buffer or graph-shape failure deep in training.
        if (set.height() != SIDE || set.width() != SIDE) {
            throw new DataException(images.file().path() + ": images of " + set.height() + " x " + set.width() + " pixels (dimensions "
                    + Arrays.toString(images.file().dims()) + "), but " + kind.experimentName() + " has " + SIDE + " x " + SIDE
                    + "; replace the file with the data set's own");
        }
        return set;
    }

    /** Refuses content other than the official one (unless accepted), naming the file and both hashes; records the hash. */
    private void checkOfficial(DatasetKind kind, DatasetKind.Part part, IdxFile.Digested read, Map<DatasetKind.Part, String> hashes) {
        String official = kind.officialSha256(part);
        if (!read.contentSha256().equals(official) && !acceptUnofficial) {
            throw new DataException(read.file().path() + ": not the official " + kind.folder + " file (content SHA-256 "
                    + read.contentSha256() + ", official " + official + "). Replace it with the official file (on Debian/Ubuntu: "
                    + "apt-get install dataset-fashion-mnist for Fashion-MNIST; or delete it to download it), "
                    + "or pass --allow-unofficial-data to use it anyway (the run records that)");
        }
        hashes.put(part, read.contentSha256());
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

    /**
     * The file for a part, plain or {@code .gz}: from the first folder that has it (the data root, then the
     * system folder), else downloaded into the data root.
     */
    Path locate(DatasetKind kind, DatasetKind.Part part) {
        List<Path> folders = new ArrayList<>();
        folders.add(root);
        folders.addAll(fallbacks);
        for (Path base : folders) {
            Path folder = base.resolve(kind.folder);
            for (String name : List.of(part.fileName, part.fileName + ".gz")) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    return folder.resolve(name);
                }
            }
        }
        refuseDataSetFolderAsRoot(kind, part);
        Path gz = root.resolve(kind.folder).resolve(part.fileName + ".gz");
        downloader.download(kind, part, gz);
        return gz;
    }

    /** The common mistake of pointing the data root at {@code .../mnist} itself gets its own hint, not a download. */
    private void refuseDataSetFolderAsRoot(DatasetKind kind, DatasetKind.Part part) {
        boolean hasTheFiles = Files.isRegularFile(root.resolve(part.fileName)) || Files.isRegularFile(root.resolve(part.fileName + ".gz"));
        if (hasTheFiles) {
            throw new DataException(root + " holds the IDX files itself, but the data root must be the folder above the data "
                    + "sets' folders (expected " + root.resolve(kind.folder).resolve(part.fileName) + "[.gz]): pass --data "
                    + (root.toAbsolutePath().getParent() == null ? "<parent folder>" : root.toAbsolutePath().getParent()) + " instead");
        }
    }
}
