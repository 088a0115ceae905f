package org.softmaxzoo.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two data sets of the reference experiments, with their official download hosts, the MD5 sums of
 * the official {@code .gz} archives, and the SHA-256 of each official file's decompressed content
 * (which identifies the data whatever the compression: recompressed copies have other MD5 sums).
 */
public enum DatasetKind {
    MNIST("mnist", List.of("https://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"),
            List.of("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                    "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
            List.of("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
    FASHION_MNIST("fashion-mnist", List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            List.of("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                    "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
            List.of("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    /** The four standard IDX files of a split, in the order train images, train labels, test images, test labels. */
    public enum Part {
        TRAIN_IMAGES("train-images-idx3-ubyte"),
        TRAIN_LABELS("train-labels-idx1-ubyte"),
        TEST_IMAGES("t10k-images-idx3-ubyte"),
        TEST_LABELS("t10k-labels-idx1-ubyte");

        public final String fileName;

        Part(String fileName) {
            this.fileName = fileName;
        }
    }

    public final String folder;
    public final List<String> hosts;
    private final List<String> gzipMd5;
    private final List<String> contentSha256;

    DatasetKind(String folder, List<String> hosts, List<String> gzipMd5, List<String> contentSha256) {
        this.folder = folder;
        this.hosts = hosts;
        this.gzipMd5 = gzipMd5;
        this.contentSha256 = contentSha256;
    }

    public String md5(Part part) {
        return gzipMd5.get(part.ordinal());
    }

    /** SHA-256 (hex) of the official file's decompressed content. */
    public String officialSha256(Part part) {
        return contentSha256.get(part.ordinal());
    }

    /** The name used in experiment names: {@code mnist} or {@code fashion_mnist}. */
    public String experimentName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code mnist}, {@code fashion_mnist} and {@code fashion-mnist}, in any case. */
    public static DatasetKind parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data set '" + name + "'; accepted: mnist, fashion_mnist"));
    }
}
