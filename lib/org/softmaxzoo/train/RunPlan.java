package org.softmaxzoo.train;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.softmaxzoo.data.DatasetKind;

/**
 * What a list of runs still needs, read from their folders without training, data or locks: how many are
 * finished, cut part-way (or being trained by another process right now), not started, and the epochs left
 * per data set. For planning background compute across sessions ({@code grid --plan}, {@code verify --plan},
 * {@code results/runs/queue.sh --plan}).
 */
public record RunPlan(int finished, int cut, int notStarted, Map<DatasetKind, Integer> epochsLeft) {

    /**
     * The plan of {@code configs} (each with the epochs it is to reach) in {@code runsDir}. A run is finished
     * when it has its epochs and {@code complete} accepts its folder (verify also wants the run scored); a run
     * whose files cannot be read counts as not started, as the grid would report it in its turn.
     */
    public static RunPlan of(List<TrainConfig> configs, Path runsDir, Predicate<RunFolder> complete) {
        int finished = 0;
        int cut = 0;
        int notStarted = 0;
        Map<DatasetKind, Integer> left = new EnumMap<>(DatasetKind.class);
        for (TrainConfig config : configs) {
            RunFolder folder = RunFolder.of(runsDir, config);
            int done = doneEpochsOrNone(folder, config);
            // a run already past this stage's epochs (a 40-epoch run in a 10-epoch stage) has nothing left, not a negative count
            int remaining = Math.max(0, config.epochs() - done);
            left.merge(config.dataset(), remaining, Integer::sum);
            if (remaining == 0 && complete.test(folder)) {
                finished++;
            } else if (done > 0) {
                cut++;
            } else {
                notStarted++;
            }
        }
        return new RunPlan(finished, cut, notStarted, left);
    }

    /** Epochs left over all data sets. */
    public int totalEpochsLeft() {
        return epochsLeft.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line, e.g. "252 runs: 131 finished, 2 cut, 119 not started; 1206 epochs left (mnist 612, fashion_mnist 594)". */
    public String describe() {
        String perDataSet = epochsLeft.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().experimentName() + " " + e.getValue()).collect(Collectors.joining(", "));
        int runs = finished + cut + notStarted;
        return String.format(Locale.ROOT, "%d run%s: %d finished, %d cut, %d not started; %d epochs left%s", runs, runs == 1 ? "" : "s",
                finished, cut, notStarted, totalEpochsLeft(), perDataSet.isEmpty() ? "" : " (" + perDataSet + ")");
    }

    /** As {@link RunFolder#doneEpochs}, 0 for a run whose files cannot be read (the run itself reports why, in its turn). */
    private static int doneEpochsOrNone(RunFolder folder, TrainConfig config) {
        try {
            return folder.doneEpochs(config.epochs());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
