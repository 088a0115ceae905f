package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.eval.EmbeddingGeometry;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.eval.Retrieval;
import org.softmaxzoo.eval.Verification;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;

/** The leaderboard's "seen classes against unseen" section: rank correlations over the heads, with their p-values. */
class SeenUnseenRanksTest {
    /** A scored run of one seed with a chosen seen test accuracy, seen TAR and unseen AUC. */
    private static OpenSetBenchmark.Result run(String head, long seed, double seenAccuracy, double seenTar, double unseenAuc) {
        TrainConfig c = TrainConfig.of(DatasetKind.MNIST, head).withEpochs(10).withSeed(seed).withFeatureDim(2);
        RunResult r = new RunResult(c, Path.of("x"), List.of(EpochRecord.after(null, 10, 0.1, 0.9, seenAccuracy, 1, 1)));
        return new OpenSetBenchmark.Result(c, r, metrics(unseenAuc, 0.1), metrics(0.99, seenTar), null);
    }

    private static OpenSetBenchmark.Metrics metrics(double auc, double tar) {
        return new OpenSetBenchmark.Metrics(auc, 0.1, tar, new Verification.Roc(new double[] {1}, new double[] {1}, new double[] {0}, auc),
                new Retrieval(0.9, 0.8, 0.7, 100, 0), new EmbeddingGeometry.Summary(40, 20, 25, 80, 3, 0.2));
    }

    /**
     * Three heads, two seeds each. Seen accuracy means 0.90, 0.95, 0.98 and unseen AUC means 0.85, 0.80, 0.75:
     * reversed ranks, rho = -1. Seen TAR means 0.50, 0.70, 0.60 against the same AUCs: ranks (1, 3, 2) against (3, 2, 1),
     * d = (-2, 1, 1), sum d^2 = 6, rho = 1 - 6 * 6 / (3 * 8) = -0.5.
     */
    private static List<OpenSetBenchmark.Result> results() {
        List<OpenSetBenchmark.Result> all = new ArrayList<>();
        String[] heads = {"softmax", "normface(s=10)", "arcface(s=10,m=30deg)"};
        double[] accuracy = {0.90, 0.95, 0.98};
        double[] tar = {0.50, 0.70, 0.60};
        double[] auc = {0.85, 0.80, 0.75};
        for (int h = 0; h < 3; h++) {
            // Seeds 0.01 either side of the mean, so the means are the values above.
            all.add(run(heads[h], 1, accuracy[h] - 0.01, tar[h] - 0.01, auc[h] - 0.01));
            all.add(run(heads[h], 2, accuracy[h] + 0.01, tar[h] + 0.01, auc[h] + 0.01));
        }
        return all;
    }

    @Test
    void correlatesTheSeedMeansOverTheHeads() {
        List<SeenUnseenRanks.Correlation> rows = SeenUnseenRanks.correlations(OpenSetReport.cells(results()),
                OpenSetReport.SEEN_AGAINST_UNSEEN, OpenSetReport.RANK_BY);
        assertEquals(2, rows.size());
        assertEquals("seen test acc", rows.get(0).seen().heading());
        assertEquals(3, rows.get(0).heads());
        assertEquals(-1.0, rows.get(0).rho(), 1e-12);
        // Of the 6 orders of three heads, 2 reach |rho| = 1.
        assertEquals(2.0 / 6, rows.get(0).pValue(), 0.01);
        assertEquals(-0.5, rows.get(1).rho(), 1e-12);
        // |rho| >= 0.5 for every order of three values.
        assertEquals(1.0, rows.get(1).pValue(), 1e-12);
    }

    @Test
    void theLeaderboardShowsTheSection() {
        String md = OpenSetReport.markdown(OpenSetReport.cells(results()), OpenSetReport.LEADERBOARD);
        assertTrue(md.contains("## Seen classes against unseen"), md);
        assertTrue(md.contains("| mnist, d = 2, 10 epochs | seen test acc | 3 | -1.00 | 0.33"), md);
        assertTrue(md.contains("| mnist, d = 2, 10 epochs | seen TAR@1e-3 | 3 | -0.50 | 1.000 |"), md);
    }

    @Test
    void fewerThanThreeHeadsGiveNoSection() {
        List<OpenSetBenchmark.Result> two = results().subList(0, 4);
        assertEquals("", SeenUnseenRanks.markdown(OpenSetReport.cells(two), OpenSetReport.SEEN_AGAINST_UNSEEN, OpenSetReport.RANK_BY));
    }
}
