package org.softmaxzoo.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which data a split holds: the SHA-256 of each of its four files' decompressed content, and whether
 * they are the official files. Recorded in every run's configuration, so that a result always says
 * what it was trained and tested on, and tables never mix runs of different data.
 *
 * @param kind   the data set
 * @param sha256 content hash per file; empty for data made in memory (tests)
 */
public record Provenance(DatasetKind kind, Map<DatasetKind.Part, String> sha256) {
    /** The prefix of the configuration keys this writes. */
    public static final String KEY_PREFIX = "data.";
    public static final String OFFICIAL_KEY = KEY_PREFIX + "official";

    public Provenance {
        sha256 = sha256.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sha256));
    }

    /** No files behind the data (made in memory): nothing is recorded. */
    public static Provenance none() {
        return new Provenance(null, Map.of());
    }

    public boolean recorded() {
        return !sha256.isEmpty();
    }

    /** True when all four files are the official ones. */
    public boolean official() {
        return recorded() && sha256.entrySet().stream().allMatch(e -> e.getValue().equals(kind.officialSha256(e.getKey())));
    }

    /** The configuration entries: {@code data.<file>.sha256} for each file, and {@code data.official}. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!recorded()) {
            return p;
        }
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            p.put(key(part), sha256.get(part));
        }
        p.put(OFFICIAL_KEY, Boolean.toString(official()));
        return p;
    }

    /**
     * What identifies the data of a run from its configuration entries: the four content hashes, or
     * "unrecorded" for runs made before runs recorded their data.
     */
    public static String fingerprint(Map<?, ?> config) {
        StringBuilder sb = new StringBuilder();
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            Object hash = config.get(key(part));
            if (hash == null) {
                return "unrecorded";
            }
            sb.append(sb.isEmpty() ? "" : ",").append(hash);
        }
        return sb.toString();
    }

    /** {@code data.train-images-idx3-ubyte.sha256}, and so on. */
    public static String key(DatasetKind.Part part) {
        return KEY_PREFIX + part.fileName.toLowerCase(Locale.ROOT) + ".sha256";
    }
}
