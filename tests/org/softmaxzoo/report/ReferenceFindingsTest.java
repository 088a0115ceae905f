package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.report.ReferenceFindings.Check;
import org.softmaxzoo.report.ReferenceFindings.Status;
import org.softmaxzoo.report.ResultsSummary.Basis;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.testing.Worklogs;
import org.softmaxzoo.train.Worklog;
import tech.tablesaw.api.Table;

class ReferenceFindingsTest {
    @TempDir
    Path dir;

    private void run(String dataset, String suffix, double best, int epochs) {
        runNamed(dataset + ".softmax.weight_decay1e-3.feature2" + (suffix.isEmpty() ? "" : "." + suffix), best, epochs);
    }

    private void runNamed(String experiment, double best, int epochs) {
        Worklog.write(dir.resolve("runs").resolve(experiment).resolve(Worklog.FILE),
                List.of(new EpochRecord(epochs, 0.1, 0.9, best, 1, 1, best, Math.min(epochs, 20))));
    }

    /** Summarizes the synthetic runs, writes the CSVs and reads them back, as the committed-summary test does. */
    private Map<String, Table> tablesFromCsv() {
        Path out = dir.resolve("out");
        for (String ds : List.of("mnist", "fashion_mnist")) {
            ResultsSummary.write(ResultsSummary.summarize(dir.resolve("runs"), ds), out, out);
        }
        return Map.of("mnist", ResultsSummary.read(out.resolve("mnist-results.csv")),
                "fashion_mnist", ResultsSummary.read(out.resolve("fashion_mnist-results.csv")));
    }

    private Check find(List<Check> checks, String dataset, String claimStart) {
        return checks.stream().filter(c -> c.finding().dataset().equals(dataset) && c.finding().claim().startsWith(claimStart))
                .findFirst().orElseThrow();
    }

    private Map<String, Table> summaries() {
        return Map.of("mnist", ResultsSummary.summarize(dir.resolve("runs"), "mnist").table(),
                "fashion_mnist", ResultsSummary.summarize(dir.resolve("runs"), "fashion_mnist").table());
    }

    /** Seed 1 is {@code <experiment>}, seed s {@code <experiment>.seed<s>}, each 40 epochs with the given best. */
    private void seeds(String suffix, double... best) {
        for (int s = 1; s <= best.length; s++) {
            run("mnist", suffix + (s == 1 ? "" : (suffix.isEmpty() ? "" : ".") + "seed" + s), best[s - 1], 40);
        }
    }

    @Test
    void theRuleOverSeedsDecidesAndSeedOneAloneStaysBesideIt() {
        // Softmax 0.970, 0.976, 0.973: mean 0.973, s = 0.003. Ring loss 1 0.974, 0.968, 0.971: mean 0.971, s = 0.003.
        // d = 0.002, SE = sqrt(2 x 0.003^2 / 3) = 0.00245: inside 2 SE, not distinguishable; seed 1 alone: 0.974 > 0.970 fails.
        seeds("", 0.970, 0.976, 0.973);
        seeds("ringloss.1", 0.974, 0.968, 0.971);
        Check c = find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "mnist", "Ring loss");
        assertEquals(SeedRule.Verdict.NOT_DISTINGUISHABLE, c.rule());
        assertEquals(Status.FAILS, c.status());
        assertEquals("ringloss.1 0.9710 (n 3), softmax 0.9730 (n 3); softmax − ringloss.1: +0.0020, SE 0.0024", c.ruleDetail());
        assertEquals("ringloss.1 0.9740, softmax 0.9700", c.detail());
        assertTrue(c.mustExplain());

        // Ring loss 0.972, 0.940, 0.944: mean 0.952, s^2 = (0.02^2 + 0.012^2 + 0.008^2) / 2 = 0.000304;
        // SE = sqrt(0.000304 / 3 + 0.000009 / 3) = 0.01021, d = 0.021 > 0.02043: holds by the rule, though seed 1 alone fails.
        seeds("ringloss.1", 0.972, 0.940, 0.944);
        c = find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "mnist", "Ring loss");
        assertEquals(SeedRule.Verdict.HOLDS, c.rule());
        assertEquals(Status.FAILS, c.status());
        assertTrue(c.ruleDetail().endsWith("softmax − ringloss.1: +0.0210, SE 0.0102"), c.ruleDetail());
        assertTrue(!c.mustExplain() && !c.pending());
        assertEquals("by the rule holds", c.decisiveText());
    }

    @Test
    void withOneSeedTheRuleDoesNotDecideAndTheSingleRunVerdictDecides() {
        seeds("", 0.970, 0.976);
        seeds("ringloss.1", 0.974); // one seed only
        Check c = find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "mnist", "Ring loss");
        assertEquals(SeedRule.Verdict.ONE_SEED, c.rule());
        assertEquals("one seed, not decided by the rule", c.ruleText());
        assertEquals(Status.FAILS, c.status());
        assertTrue(c.mustExplain());
        assertEquals("seed 1 alone fails (one seed, not decided by the rule)", c.decisiveText());
        assertTrue(c.ruleDetail().contains("softmax 0.9730 (n 2)") && c.ruleDetail().contains("SE none"), c.ruleDetail());
        assertEquals(SeedRule.Verdict.ONE_SEED, c.rule());
        // No run of Ring loss on Fashion-MNIST: pending on both counts.
        Check fashion = find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "fashion_mnist", "Ring loss");
        assertEquals(null, fashion.rule());
        assertTrue(fashion.pending());
    }

    @Test
    void normFaceClaimsCarryTheFivePointMarginUnderTheRule() {
        // Every row two seeds 0.02 apart: s^2 = (0.01^2 + 0.01^2) / 1 = 0.0002, so every claim's SE = sqrt(0.0002 / 2 + 0.0002 / 2)
        // = 0.01414 and 2 SE = 0.0283. Scale 1 mean 0.89; scales 5, 10, 20 means 0.95, 0.96, 0.97: d = 0.01, 0.02 (not
        // distinguishable) and 0.03 (holds), so the finding is not distinguishable.
        seeds("normface.scale1", 0.88, 0.90);
        seeds("normface.scale5", 0.94, 0.96);
        seeds("normface.scale10", 0.95, 0.97);
        seeds("normface.scale20", 0.96, 0.98);
        Check c = find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "mnist", "NormFace");
        assertEquals(SeedRule.Verdict.NOT_DISTINGUISHABLE, c.rule());
        assertTrue(c.ruleDetail().contains("normface.scale5 − normface.scale1 − 0.05: +0.0100, SE 0.0141"), c.ruleDetail());
        assertTrue(c.ruleDetail().contains("normface.scale20 − normface.scale1 − 0.05: +0.0300, SE 0.0141"), c.ruleDetail());
        assertEquals(Status.HOLDS, c.status()); // seed 1 alone: 0.88 against 0.94, 0.95, 0.96, all at least 0.05 apart
        // Scale 1 at 0.70, 0.72: every claim's d is at least 0.18, far beyond 2 SE.
        seeds("normface.scale1", 0.70, 0.72);
        assertEquals(SeedRule.Verdict.HOLDS, find(ReferenceFindings.check(dir.resolve("runs"), summaries(), Basis.PROTOCOL), "mnist",
                "NormFace").rule());
    }

    @Test
    void everyFindingIsPendingWithoutFinishedRuns() {
        run("mnist", "normface.scale1", 0.88, 12); // a run cut short does not count
        List<Check> checks = ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL);
        assertEquals(ReferenceFindings.ALL.size(), checks.size());
        assertTrue(checks.stream().allMatch(c -> c.status() == Status.PENDING), checks.toString());
        assertTrue(find(checks, "mnist", "NormFace").detail().contains("4 row(s)"), checks.toString());
    }

    @Test
    void normFaceScaleOneHoldsOnlyWithAFivePointGapToEveryOtherScale() {
        run("mnist", "normface.scale5", 0.976, 40);
        run("mnist", "normface.scale10", 0.979, 40);
        run("mnist", "normface.scale20", 0.978, 40);
        run("mnist", "normface.scale1", 0.88, 40);
        assertEquals(Status.HOLDS, find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "NormFace").status());
        run("mnist", "normface.scale1", 0.93, 40); // 0.976 - 0.05 = 0.926 < 0.93
        Check c = find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "NormFace");
        assertEquals(Status.FAILS, c.status());
        assertTrue(c.detail().contains("normface.scale1 0.9300"), c.detail());
        run("mnist", "normface.scale20", 0.978, 39);
        c = find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "NormFace");
        assertEquals(Status.PENDING, c.status());
        assertTrue(c.detail().endsWith("normface.scale20"), c.detail());
    }

    @Test
    void angularMarginsOnFashionMustBothBeThreePointsBelowSoftmax() {
        run("fashion_mnist", "", 0.86, 40);
        run("fashion_mnist", "arcface.scale10.margin20", 0.64, 40);
        run("fashion_mnist", "arcface.scale10.margin30", 0.82, 40);
        assertEquals(Status.HOLDS, find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "fashion_mnist", "Large angular").status());
        run("fashion_mnist", "arcface.scale10.margin30", 0.84, 40);
        assertEquals(Status.FAILS, find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "fashion_mnist", "Large angular").status());
    }

    @Test
    void ringLossAndArcFaceAgainstPlainSoftmax() {
        run("mnist", "", 0.9807, 40);
        run("mnist", "ringloss.1", 0.9667, 40);
        run("mnist", "arcface.scale10.margin30", 0.9790, 40);
        List<Check> checks = ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL);
        assertEquals(Status.HOLDS, find(checks, "mnist", "Ring loss").status());
        assertEquals(Status.FAILS, find(checks, "mnist", "ArcFace with a 30-degree margin beats").status());
        assertEquals(Status.PENDING, find(checks, "fashion_mnist", "Ring loss").status());
    }

    @Test
    void bestRowNeedsEveryRowAndAllowsThreeTenthsOfAPoint() {
        for (String experiment : ReferenceResults.experiments()) {
            if (experiment.startsWith("mnist.")) {
                runNamed(experiment, 0.97, 40);
            }
        }
        run("mnist", "arcface.scale10.margin30", 0.9830, 40);
        Check alone = find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "ArcFace with a 30-degree margin is");
        assertEquals(Status.HOLDS, alone.status());
        assertEquals("best row arcface.scale10.margin30 0.9830", alone.detail(), "the best row is named once");
        run("mnist", "normweight", 0.9855, 40); // 0.9855 - 0.003 = 0.9825 <= 0.9830
        assertEquals(Status.HOLDS, find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "ArcFace with a 30-degree margin is").status());
        run("mnist", "normweight", 0.9870, 40);
        Check c = find(ReferenceFindings.check(tablesFromCsv(), Basis.PROTOCOL), "mnist", "ArcFace with a 30-degree margin is");
        assertEquals(Status.FAILS, c.status());
        assertEquals("best row normweight 0.9870, arcface.scale10.margin30 0.9830", c.detail());
    }

    @Test
    void firstStageUsesTheBestWithinTenEpochsAndIgnoresLaterOnes() {
        // Plain softmax: 0.95 within its first 10 epochs, 0.99 at epoch 12; Ring loss 1: 0.96 for 10 epochs.
        double[] softmax = {0.90, 0.91, 0.92, 0.93, 0.94, 0.95, 0.95, 0.95, 0.95, 0.95, 0.97, 0.99};
        double[] ring = {0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96, 0.96};
        curve("mnist.softmax.weight_decay1e-3.feature2", softmax);
        curve("mnist.softmax.weight_decay1e-3.feature2.ringloss.1", ring);
        Map<String, Table> tables = tablesFromCsv();
        assertEquals(Status.PENDING, find(ReferenceFindings.check(tables, Basis.PROTOCOL), "mnist", "Ring loss").status());
        Check early = find(ReferenceFindings.check(tables, Basis.FIRST_STAGE), "mnist", "Ring loss");
        assertEquals(Status.FAILS, early.status(), "0.96 is not below 0.95");
        assertTrue(early.detail().contains("softmax 0.9500"), early.detail());
        curve("mnist.softmax.weight_decay1e-3.feature2.ringloss.1", java.util.Arrays.copyOf(ring, 9));
        assertEquals(Status.PENDING, find(ReferenceFindings.check(tablesFromCsv(), Basis.FIRST_STAGE), "mnist", "Ring loss").status());
    }

    private void curve(String experiment, double... acc) {
        Worklogs.curve(dir.resolve("runs"), experiment, acc);
    }

    @Test
    void writesTheFindingsAndRefusesAMissingTable() throws Exception {
        Map<String, Table> tables = tablesFromCsv();
        Path md = ReferenceFindings.write(ReferenceFindings.check(tables, Basis.PROTOCOL), ReferenceFindings.check(tables, Basis.FIRST_STAGE), dir);
        assertTrue(Files.readString(md).contains("| fashion_mnist | Ring loss with weight 1 hurts: below plain softmax | pending |"));
        assertThrows(IllegalArgumentException.class, () -> ResultsSummary.read(dir.resolve("nope.csv")));
        assertThrows(IllegalArgumentException.class, () -> ReferenceResults.shortName("fashion_mnist.softmax.weight_decay1e-3.feature2", "mnist"));
    }
}
