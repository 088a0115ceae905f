package org.softmaxzoo.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The feature extractors a run can name, by the name its configuration records. */
public final class Networks {
    /** This project's network, which trained the committed grid. */
    public static final String DEFAULT = "three-block";

    private interface Factory {
        FeatureExtractor create(int featureDim, int inputSide);
    }

    private static final Map<String, Factory> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(DEFAULT, ThreeBlockCnn::new);
        BY_NAME.put("writeup", (d, side) -> new WriteUpCnn(WriteUpCnn.Width.WIDE, d, side));
        BY_NAME.put("writeup-narrow", (d, side) -> new WriteUpCnn(WriteUpCnn.Width.NARROW, d, side));
    }

    private Networks() {
    }

    public static FeatureExtractor create(String name, int featureDim, int inputSide) {
        return factory(name).create(featureDim, inputSide);
    }

    /** Refuses an unknown name, listing the known ones. */
    public static String check(String name) {
        factory(name);
        return name;
    }

    private static Factory factory(String name) {
        Factory f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown network '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return f;
    }
}
