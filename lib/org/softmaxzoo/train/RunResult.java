package org.softmaxzoo.train;

import java.nio.file.Path;
import java.util.List;

/** A run's worklog rows so far, where it lives, and whether it has reached its configured epochs. */
public record RunResult(TrainConfig config, Path runDir, List<EpochRecord> records) {

    public boolean finished() {
        return !records.isEmpty() && last().epoch() >= config.epochs();
    }

    public EpochRecord last() {
        return records.get(records.size() - 1);
    }

    public double bestAccuracy() {
        return records.isEmpty() ? Double.NaN : last().bestAccuracy();
    }

    public int bestEpoch() {
        return records.isEmpty() ? 0 : last().bestEpoch();
    }
}
