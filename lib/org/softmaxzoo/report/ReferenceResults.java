package org.softmaxzoo.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.train.ExperimentName;
import org.softmaxzoo.train.TrainConfig;

/**
 * The reference write-up's results (best test accuracy and its epoch per experiment) and, from its published training
 * logs, each run's training accuracy in its last epoch; shipped as {@code reference-results.csv}.
 */
public final class ReferenceResults {
    public static final String RESOURCE = "reference-results.csv";
    /** The short name of the plain softmax row (whose experiment name is just the prefix). */
    public static final String PLAIN = "softmax";

    /** One reference row; {@code trainAccuracyLast} is NaN where the reference's log is missing. */
    public record Row(String experiment, double bestAccuracy, int bestEpoch, double trainAccuracyLast) {
        public String dataset() {
            return experiment.substring(0, experiment.indexOf('.'));
        }
    }

    private ReferenceResults() {
    }

    public static List<Row> all() {
        try (InputStream in = ReferenceResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference table " + RESOURCE + " missing from the class path");
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("experiment,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double train = f.length > 3 && !f[3].isBlank() ? Double.parseDouble(f[3]) : Double.NaN;
                rows.add(new Row(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), train));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of one data set, in table order. */
    public static List<Row> of(String dataset) {
        return all().stream().filter(r -> r.dataset().equals(dataset)).toList();
    }

    /** The common start of a data set's reference experiment names: the name of its plain softmax row. */
    public static String prefix(String dataset) {
        return TrainConfig.of(DatasetKind.parse(dataset), ExperimentName.PLAIN).name();
    }

    /** A reference experiment's name after {@link #prefix}: "normface.scale1", or {@value #PLAIN} for the plain softmax row. */
    public static String shortName(String experiment, String dataset) {
        String base = prefix(dataset);
        if (!experiment.startsWith(base)) {
            throw new IllegalArgumentException("not a " + dataset + " reference experiment: " + experiment);
        }
        return experiment.length() == base.length() ? PLAIN : experiment.substring(base.length() + 1);
    }

    /** The reference experiment names in table order. */
    public static List<String> experiments() {
        return all().stream().map(Row::experiment).toList();
    }
}
