package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.softmaxzoo.data.Provenance;
import org.softmaxzoo.train.RunFolder;

/**
 * The check every results table makes before it is written: the runs of one data set in one table trained and
 * tested on the same files, by the content hashes each run's configuration records ({@link Provenance}). Runs of
 * the withdrawn Fashion-MNIST copy and of the official files, for instance, never share a table.
 */
final class SameData {
    private final String table;
    private final Map<String, Map<String, List<String>>> runsByDataByDataset = new TreeMap<>();

    /** @param table what the message names: the table or the folder its runs come from */
    SameData(String table) {
        this.table = table;
    }

    /** Notes the data of the run in {@code runDir}, one of {@code dataset}'s. */
    SameData add(String dataset, Path runDir) {
        return add(dataset, runDir, RunFolder.at(runDir).config());
    }

    /** The same with the run's configuration already read. */
    SameData add(String dataset, Path runDir, Properties config) {
        String data = Provenance.fingerprint(config);
        runsByDataByDataset.computeIfAbsent(dataset, k -> new TreeMap<>()).computeIfAbsent(data, k -> new ArrayList<>())
                .add(runDir.getFileName().toString());
        return this;
    }

    /** Throws when a data set's runs have different data, naming how many runs have which data and one of each. */
    void check() {
        for (Map.Entry<String, Map<String, List<String>>> set : runsByDataByDataset.entrySet()) {
            if (set.getValue().size() > 1) {
                throw new IllegalStateException(table + ": the " + set.getKey() + " runs were trained on different data, which one table "
                        + "must not mix (data content hashes in each run's " + RunFolder.CONFIG_FILE + "): " + set.getValue().entrySet()
                        .stream().map(e -> e.getValue().size() + " run(s) on " + abbreviate(e.getKey()) + ", e.g. " + e.getValue().get(0))
                        .toList() + "; move the runs of the other data out of the folder");
            }
        }
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 16 ? "data " + fingerprint.substring(0, 12) + "..." : fingerprint + " data";
    }
}
