package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.softmaxzoo.plot.ReferenceScatter;
import tech.tablesaw.api.Table;

/**
 * The points of the reference-vs-ours scatter of a results table on one basis: each row that has our value
 * on it, with our seeds' range where the row ran with two seeds or more; and the rows still pending.
 */
public final class ReferenceVsOurs {
    private ReferenceVsOurs() {
    }

    public static ReferenceScatter.Series series(ResultsSummary.Summary s, ResultsSummary.Basis basis, Path runsDir) {
        Map<String, SeedSpread.Row> seeds = SeedSpread.rows(runsDir, s.dataset(), basis).stream()
                .collect(Collectors.toMap(SeedSpread.Row::experiment, Function.identity()));
        Table t = s.table();
        List<ReferenceScatter.Point> points = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!has(t, basis, i)) {
                continue;
            }
            String experiment = t.stringColumn("experiment").get(i);
            SeedSpread.Row spread = seeds.get(experiment);
            boolean range = spread != null && spread.n() >= 2;
            points.add(new ReferenceScatter.Point(ReferenceResults.shortName(experiment, s.dataset()),
                    t.doubleColumn("ref_best_acc").getDouble(i), t.doubleColumn(basis.column).getDouble(i),
                    range ? spread.min() : Double.NaN, range ? spread.max() : Double.NaN));
        }
        return new ReferenceScatter.Series(basis.label, points);
    }

    /** Experiments without our value on the basis yet, with the epochs they have run. */
    public static List<String> pending(ResultsSummary.Summary s, ResultsSummary.Basis basis) {
        Table t = s.table();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!has(t, basis, i)) {
                out.add(ReferenceResults.shortName(t.stringColumn("experiment").get(i), s.dataset())
                        + " (" + t.intColumn("epochs_run").getInt(i) + " epochs)");
            }
        }
        return out;
    }

    private static boolean has(Table t, ResultsSummary.Basis basis, int i) {
        return t.intColumn("epochs_run").getInt(i) >= basis.minEpochs && !t.doubleColumn(basis.column).isMissing(i);
    }
}
