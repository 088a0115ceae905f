package org.softmaxzoo.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The two data sets of the reference experiments, with their official download hosts and MD5 sums. */
public enum DatasetKind {
    MNIST("mnist", List.of("https://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"),
            "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
            "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
    FASHION_MNIST("fashion-mnist", List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
            "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310");

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
    private final String[] gzipMd5;

    DatasetKind(String folder, List<String> hosts, String... gzipMd5) {
        this.folder = folder;
        this.hosts = hosts;
        this.gzipMd5 = gzipMd5;
    }

    public String md5(Part part) {
        return gzipMd5[part.ordinal()];
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
