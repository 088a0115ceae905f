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

/** Open-set cells over seeds: mean ± std per metric, the ranking, and which heads the two-SE rule tells apart. */
class OpenSetCellsTest {
    /** A scored run with hand-chosen unseen AUC and EER (everything else fixed). */
    private static OpenSetBenchmark.Result run(String head, long seed, double auc, double eer) {
        return run(head, 2, seed, auc, eer);
    }

    static OpenSetBenchmark.Result run(String head, int featureDim, long seed, double auc, double eer) {
        TrainConfig c = TrainConfig.of(DatasetKind.MNIST, head).withEpochs(10).withSeed(seed).withFeatureDim(featureDim);
        RunResult r = new RunResult(c, Path.of("x"), List.of(EpochRecord.after(null, 10, 0.1, 0.9, 0.95, 1, 1)));
        OpenSetBenchmark.Metrics m = new OpenSetBenchmark.Metrics(auc, eer, 0.1, new Verification.Roc(new double[] {1}, new double[] {1},
                new double[] {0}, auc), new Retrieval(0.9, 0.8, 0.7, 100, 0), new EmbeddingGeometry.Summary(40, 20, 25, 80, 3, 0.2));
        return new OpenSetBenchmark.Result(c, r, m, m, null);
    }

    static List<OpenSetBenchmark.Result> results() {
        List<OpenSetBenchmark.Result> all = new ArrayList<>();
        // softmax: AUC 0.80, 0.81, 0.82 (mean 0.81, s 0.01); EER 0.20, 0.21, 0.22.
        all.add(run("softmax", 2, 0.81, 0.21));
        all.add(run("softmax", 1, 0.80, 0.20));
        all.add(run("softmax", 3, 0.82, 0.22));
        // normface: AUC 0.90, 0.92, 0.94 (mean 0.92, s 0.02); EER 0.10, 0.12, 0.14.
        for (int s = 1; s <= 3; s++) {
            all.add(run("normface(s=10)", s, 0.88 + 0.02 * s, 0.08 + 0.02 * s));
        }
        // cosface: two seeds, AUC 0.905, 0.925 (mean 0.915, s 0.01414); arcface: one seed, AUC 0.70.
        all.add(run("cosface(s=10,m=0.2)", 1, 0.905, 0.15));
        all.add(run("cosface(s=10,m=0.2)", 2, 0.925, 0.15));
        all.add(run("arcface(s=10,m=30deg)", 1, 0.70, 0.30));
        return all;
    }

    @Test
    void cellsGatherSeedsAndRankByUnseenAuc() {
        List<OpenSetCells.Cell> cells = OpenSetReport.cells(results());
        assertEquals(List.of("normface(s=10)", "cosface(s=10,m=0.2)", "softmax", "arcface(s=10,m=30deg)"),
                cells.stream().map(OpenSetCells.Cell::head).toList());
        OpenSetCells.Cell softmax = cells.get(2);
        assertEquals(List.of(1L, 2L, 3L), softmax.seeds());
        assertEquals("0.8100 ± 0.0100", OpenSetCells.meanStd(softmax.sample(OpenSetReport.RANK_BY)));
        assertEquals("0.7000", OpenSetCells.meanStd(cells.get(3).sample(OpenSetReport.RANK_BY)));
    }

    @Test
    void theRuleSaysWhichHeadsDifferFromTheBest() {
        List<OpenSetCells.Cell> cells = OpenSetReport.cells(results());
        // normface against softmax: d = 0.11, SE = sqrt(0.0004 / 3 + 0.0001 / 3) = 0.0129: below by the rule;
        // against cosface: d = 0.005, SE = sqrt(0.0004 / 3 + 0.0002 / 2) = 0.0153: not distinguishable; arcface: one seed.
        assertEquals("unseen AUC: best normface(s=10) 0.9200 ± 0.0200 (n 3); not distinguishable from it: cosface(s=10,m=0.2); "
                + "one seed, not decided: arcface(s=10,m=30deg); below it by the rule: 1", OpenSetCells.topGroup(cells, OpenSetReport.RANK_BY));
        // EER: lower is better; normface's 0.12 against softmax's 0.21 is the better one, by +0.09.
        OpenSetCells.Metric eer = OpenSetReport.DECIDED.get(2);
        OpenSetCells.Pair p = OpenSetCells.pairs(cells, eer).stream()
                .filter(x -> x.better().head().equals("normface(s=10)") && x.worse().head().equals("softmax")).findFirst().orElseThrow();
        assertEquals(0.09, p.difference().difference(), 1e-12);
        assertEquals(SeedRule.Verdict.HOLDS, p.difference().verdict());
    }

    @Test
    void tablesShowMeanStdAndMarkCellsWithFewSeeds() {
        List<OpenSetCells.Cell> cells = OpenSetReport.cells(results());
        String md = OpenSetReport.markdown(cells, OpenSetReport.LEADERBOARD);
        assertTrue(md.startsWith("# Leaderboard"), md);
        assertTrue(md.contains("## mnist, d = 2, 10 epochs"), md);
        assertTrue(md.contains("| 1 | normface(s=10) | 3 | 1,2,3 | 0.9500 ± 0.0000 | 0.9200 ± 0.0200 | 0.1200 ± 0.0200 |"), md);
        assertTrue(md.contains("| 2 | cosface(s=10,m=0.2) | 2 * | 1,2 |"), md);
        assertTrue(md.contains("| 4 | arcface(s=10,m=30deg) | 1 * | 1 | 0.9500 | 0.7000 | 0.3000 |"), md);
        String csv = OpenSetReport.csv(cells);
        assertTrue(csv.contains("\nmnist,\"softmax\",2,10,3,\"1,2,3\",0.9500,0.0000,0.8100,0.0100,0.2100,0.0100,"), csv);
        assertTrue(csv.contains("\nmnist,\"arcface(s=10,m=30deg)\",2,10,1,\"1\",0.9500,,0.7000,,"), csv);
        String pairs = OpenSetReport.pairsCsv(cells);
        assertTrue(pairs.contains("mnist,2,10,unseen_auc,\"normface(s=10)\",\"softmax\",0.1100,0.0129,holds\n"), pairs);
        assertTrue(pairs.contains("mnist,2,10,unseen_auc,\"normface(s=10)\",\"cosface(s=10,m=0.2)\",0.0050,0.0153,not distinguishable\n"), pairs);
    }

    @Test
    void atAGlanceEachHeadReadsAcrossTheSettings() {
        List<OpenSetBenchmark.Result> all = new ArrayList<>(results());
        // d = 64: softmax AUC 0.95, 0.96, 0.97 (best); normface 0.90, 0.91, 0.92: d = 0.05, SE = 0.0082: below it by the rule.
        for (int s = 1; s <= 3; s++) {
            all.add(run("softmax", 64, s, 0.94 + 0.01 * s, 0.1));
            all.add(run("normface(s=10)", 64, s, 0.89 + 0.01 * s, 0.1));
        }
        String glance = OpenSetReport.atAGlance(all);
        String auc = glance.substring(glance.indexOf("### unseen AUC"), glance.indexOf("### unseen MAP@R"));
        // Mean ranks: normface (1 + 2) / 2, cosface 2, softmax (3 + 1) / 2 (after cosface: the tie keeps d = 2's order), arcface 4.
        assertEquals("### unseen AUC\n\n| head | mnist, d = 2, 10 epochs | mnist, d = 64, 10 epochs |\n|---|---:|---:|\n"
                + "| normface(s=10) | **0.9200 ± 0.0200** | 0.9100 ± 0.0100 |\n"
                + "| cosface(s=10,m=0.2) | 0.9150 ± 0.0141 ≈ (n 2) | – |\n"
                + "| softmax | 0.8100 ± 0.0100 | **0.9600 ± 0.0100** |\n"
                + "| arcface(s=10,m=30deg) | 0.7000 (n 1) | – |\n\n", auc);
        assertTrue(OpenSetReport.markdown(OpenSetReport.cells(all), OpenSetReport.LEADERBOARD).contains(auc), "the leaderboard starts with it");
    }
}
