package org.softmaxzoo.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.Worklog;

/** Synthetic worklogs for the results tests. */
public final class Worklogs {
    private Worklogs() {
    }

    /** Writes {@code runs/<experiment>/worklog.csv} whose test accuracy at epoch e is {@code acc[e - 1]}, with the running best. */
    public static void curve(Path runs, String experiment, double... acc) {
        List<EpochRecord> rows = new ArrayList<>();
        int best = 1;
        for (int e = 1; e <= acc.length; e++) {
            best = acc[e - 1] > acc[best - 1] ? e : best;
            rows.add(new EpochRecord(e, 0.1, 0.9, acc[e - 1], 1, 1, acc[best - 1], best));
        }
        Worklog.write(runs.resolve(experiment).resolve(Worklog.FILE), rows);
    }
}
