package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.testing.Worklogs;
import tech.tablesaw.api.Table;

/** {@code summarize --check}: drift, missing and stale explanations are found; the committed results pass. */
class ResultsCheckTest {
    @TempDir
    Path dir;

    private static final String BASE = "mnist.softmax.weight_decay1e-3.feature2";
    private static final List<String> MNIST = List.of("mnist");

    /** Forty epochs whose best is {@code best} at the last epoch. */
    private void run(String experiment, double best) {
        double[] acc = new double[40];
        java.util.Arrays.fill(acc, best - 0.01);
        acc[39] = best;
        Worklogs.curve(dir.resolve("runs"), experiment, acc);
    }

    private void summarize() {
        Map<String, Table> tables = new LinkedHashMap<>();
        ResultsSummary.Summary s = ResultsSummary.summarize(dir.resolve("runs"), "mnist");
        ResultsSummary.write(s, dir, dir.resolve("fig"));
        tables.put("mnist", s.table());
        List<ReferenceFindings.Check> protocol = ReferenceFindings.check(dir.resolve("runs"), tables, ResultsSummary.Basis.PROTOCOL);
        ReferenceFindings.write(protocol, ReferenceFindings.check(dir.resolve("runs"), tables, ResultsSummary.Basis.FIRST_STAGE), dir);
        Explanations.writeDifferences(tables, protocol, Explanations.read(dir), dir);
    }

    private List<String> problems() {
        return ResultsCheck.problems(dir.resolve("runs"), dir, MNIST);
    }

    @Test
    void aGapOverOnePointNeedsItsExplanationAndAnEditedWorklogIsDrift() throws Exception {
        run(BASE, 0.9807 - 0.0150);                 // reference 0.9807: 1.5 points below
        run(BASE + ".normface.scale10", 0.9791);    // reference 0.9791: no gap
        summarize();
        List<String> p = problems();
        assertTrue(p.contains(BASE + " is -0.0150 from the reference after 40 epochs: explain it as run:" + BASE
                + " in explanations.csv"), p.toString());

        Files.writeString(dir.resolve(Explanations.FILE), "id,why\nrun:" + BASE + ",\"a reason, with a comma\"\n");
        summarize();
        assertTrue(problems().stream().noneMatch(x -> x.contains("explain it as")), problems().toString());
        assertTrue(Files.readString(dir.resolve(Explanations.DIFFERENCES_FILE))
                .contains("| mnist softmax | 0.9807 @ 29 | 0.9657 @ 40 | -0.0150 | a reason, with a comma |"));

        // Edit one worklog after summarizing: the committed table no longer matches.
        run(BASE + ".normface.scale10", 0.9700);
        List<String> drift = problems();
        assertTrue(drift.contains("mnist " + BASE + ".normface.scale10: our_best_acc is 0.9791 in the committed table, the worklog "
                + "gives 0.97; run `summarize` and commit results/ (or restore the worklog)"), drift.toString());
    }

    @Test
    void explanationsThatNoLongerApplyAreStale() throws Exception {
        run(BASE, 0.9807);
        Worklogs.curve(dir.resolve("runs"), BASE + ".normface.scale5", 0.5, 0.6); // 2 epochs: not finished
        Files.writeString(dir.resolve(Explanations.FILE), "id,why\nrun:" + BASE + ".normface.scale5,early\n"
                + "run:mnist.nonsense,x\nfinding:mnist.arcface30-beats-softmax,not finished\n");
        summarize();
        List<String> p = problems();
        assertTrue(p.contains("explanations.csv: run:" + BASE + ".normface.scale5 explains a run that has not finished 40 epochs; "
                + "remove that line until it has"), p.toString());
        assertTrue(p.contains("explanations.csv: run:mnist.nonsense names no result of [mnist]; remove that line or fix the id"),
                p.toString());
        assertTrue(p.contains("explanations.csv: finding:mnist.arcface30-beats-softmax explains a finding that has not finished; "
                + "remove that line"), p.toString());
    }

    @Test
    void aFindingNotDistinguishableOverSeedsNeedsItsExplanationThoughSeedOneAloneHolds() throws Exception {
        // ArcFace 30 degrees 0.9850, 0.9700 (mean 0.9775, s = 0.0106); softmax 0.9807, 0.9757 (mean 0.9782, s = 0.0035, the
        // reference's 0.9807 first so no run needs its own explanation): d = -0.0007, SE = 0.0079: not distinguishable.
        run(BASE + ".arcface.scale10.margin30", 0.9850);
        run(BASE + ".arcface.scale10.margin30.seed2", 0.9700);
        run(BASE, 0.9807);
        run(BASE + ".seed2", 0.9757);
        summarize();
        List<String> p = problems();
        assertTrue(p.contains("finding mnist.arcface30-beats-softmax does not hold (by the rule not distinguishable: "
                + "arcface.scale10.margin30 0.9775 (n 2), softmax 0.9782 (n 2); arcface.scale10.margin30 − softmax: -0.0007, SE 0.0079)"
                + ": a regression, or explain it as finding:mnist.arcface30-beats-softmax in explanations.csv"), p.toString());
        Files.writeString(dir.resolve(Explanations.FILE), "id,why\nfinding:mnist.arcface30-beats-softmax,two seeds cannot tell\n");
        summarize();
        assertTrue(problems().stream().noneMatch(x -> x.contains("arcface30")), problems().toString());
        assertTrue(Files.readString(dir.resolve(Explanations.DIFFERENCES_FILE)).contains("| mnist | ArcFace with a 30-degree margin "
                + "beats plain softmax | by the rule not distinguishable | arcface.scale10.margin30 0.9775 (n 2)"));
        // Seeds 3-5 of ArcFace at 0.9860 and of softmax at 0.9700: d = 0.0093, SE = 0.0038, so it holds and the explanation is stale.
        for (int seed = 3; seed <= 5; seed++) {
            run(BASE + ".arcface.scale10.margin30.seed" + seed, 0.9860);
            run(BASE + ".seed" + seed, 0.9700);
        }
        assertTrue(problems().contains("explanations.csv: finding:mnist.arcface30-beats-softmax explains a finding that holds; "
                + "remove that line"), problems().toString());
    }

    /** The committed results: what CI's `summarize --check` also runs. */
    @Test
    void theCommittedResultsPassTheCheck() {
        Path project = Notebook.projectDir();
        assertEquals(List.of(), ResultsCheck.problems(project.resolve("results").resolve("runs"), project.resolve("results"),
                List.of("mnist", "fashion_mnist")));
    }
}
