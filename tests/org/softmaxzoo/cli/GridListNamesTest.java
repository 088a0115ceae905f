package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.report.ReferenceFindings;
import org.softmaxzoo.report.ReferenceResults;
import org.softmaxzoo.train.ExperimentName;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.Sweep;
import org.softmaxzoo.train.TrainConfig;
import picocli.CommandLine;

/**
 * The committed grid lists, expanded by {@code grid --list <file> --seeds 1,2,3} the way the grid runs them, give
 * run folders named exactly as listed: each list line (its brace groups expanded) with {@code .seed<s>} for seeds
 * other than 1, and, for a cluster try ({@code --slurm --limit}), {@code .limit<n>} before it. The names are derived
 * from the parsed configurations, so this fails if that derivation ever writes a listed run differently.
 */
class GridListNamesTest {
    private static final Path RUNS = Notebook.projectDir().resolve("results").resolve("runs");
    private static final Path OUT = Path.of("out");

    @Test
    void referenceGridListsNameTheirRunsAsListed() throws IOException {
        for (String list : List.of("grid-order.txt", "grid-fashion-official.txt")) {
            List<String> lines = lines(RUNS.resolve(list));
            assertTrue(lines.size() >= 26 && lines.stream().noneMatch(l -> l.contains("{")), list + ": " + lines.size() + " lines");
            assertNamedAsListed(RUNS.resolve(list), lines);
        }
    }

    @Test
    void findingsListHoldsExactlyTheRowsTheNamedFindingsCompare() throws IOException {
        Path list = RUNS.resolve("findings-rows.txt");
        List<String> listed = lines(list);
        Set<String> expected = new TreeSet<>();
        for (ReferenceFindings.Finding f : ReferenceFindings.ALL) {
            if (f.rows() != null) { // the "is best" finding compares every row: the whole grid, not this list
                String prefix = ReferenceResults.prefix(f.dataset());
                f.rows().forEach(r -> expected.add(r.equals(ReferenceResults.PLAIN) ? prefix : prefix + "." + r));
            }
        }
        assertEquals(expected, new TreeSet<>(listed), list + " against the findings' rows");
        assertEquals(listed.size(), expected.size(), list + " lists a row twice");
        assertTrue(lines(RUNS.resolve("grid-order.txt")).containsAll(listed), "every listed row is a reference row");
        assertNamedAsListed(list, listed);
    }

    @Test
    void aDatasetOptionKeepsOnlyThatDataSetsExperiments() {
        GridCommand grid = new GridCommand();
        new CommandLine(grid).parseArgs("--list", RUNS.resolve("findings-rows.txt").toString(), "--dataset", "mnist", "--seeds", "2");
        List<String> runs = grid.experiments();
        assertEquals(7, runs.size(), runs.toString()); // MNIST: softmax, NormFace s = 1, 5, 10, 20, ArcFace 30 degrees, Ring loss 1
        assertTrue(runs.stream().allMatch(r -> r.startsWith("mnist.") && r.endsWith(".seed2")), runs.toString());
        GridCommand both = new GridCommand();
        new CommandLine(both).parseArgs("--list", RUNS.resolve("findings-rows.txt").toString(), "--dataset", "fashion_mnist", "--dataset", "mnist");
        assertEquals(11, both.experiments().size());
        GridCommand unknown = new GridCommand();
        new CommandLine(unknown).parseArgs("--dataset", "cifar10");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, unknown::experiments);
        assertTrue(e.getMessage().contains("accepted: mnist, fashion_mnist"), e.getMessage());
    }

    @Test
    void specStyleCheckListsNameTheirRunsAsListedWithTheHeadsTheySpell() throws IOException {
        for (String collection : List.of("with-bias", "writeup", "variants")) {
            Path list = RUNS.resolve(collection).resolve("fashion-official.txt");
            assertNamedAsListed(list, lines(list));
        }
        TrainConfig withBias = RunName.experiment("fashion_mnist.softmax-biastrue+ringloss-lambda0.1.weight_decay1e-3.feature2");
        assertEquals("softmax(bias=true)+ringloss(lambda=0.1)", withBias.head());
        TrainConfig narrow = RunName.experiment("fashion_mnist.normweight+ringloss-lambda0.1-formabs.weight_decay1e-3.feature2.net-writeup-narrow");
        assertEquals("normweight+ringloss(lambda=0.1,form=abs)", narrow.head());
        assertEquals("writeup-narrow", narrow.network());
        assertEquals(TrainConfig.EPOCHS, narrow.epochs());
    }

    @Test
    void anOpenSetRunNameIsNotAGridExperiment() {
        SpecException e = assertThrows(SpecException.class,
                () -> RunName.experiment("mnist.softmax.weight_decay1e-3.feature2.classes0-7"));
        assertTrue(e.getMessage().contains("verify"), e.getMessage());
    }

    @Test
    void stabilitySweepNamesItsRunsAsExpanded() throws IOException {
        Path sweep = RUNS.resolve("stability").resolve("sweep.txt");
        List<String> expanded = new ArrayList<>();
        lines(sweep).forEach(l -> expanded.addAll(Sweep.expand(l)));
        assertEquals(4 * 7 * 5, expanded.size(), "two heads on two data sets, 7 scales times 5 margins");
        assertTrue(expanded.contains("fashion_mnist.softmax.weight_decay1e-3.feature2.arcface.scale64.margin40"));
        assertTrue(expanded.contains("mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale1.margin0.35"));
        assertNamedAsListed(sweep, expanded);
    }

    @Test
    void aCutDownClusterTryAppendsTheLimitToTheListedName() throws IOException {
        for (String line : lines(RUNS.resolve("grid-order.txt"))) {
            // what grid --slurm --limit 300 has each task run: train --experiment <line> --limit 300 [--seed 2]
            assertEquals(line + ".limit300", ExperimentName.parse(line).withTrainLimit(300).name());
            assertEquals(line + ".limit300.seed2", ExperimentName.parse(line).withTrainLimit(300).withSeed(2).name());
        }
    }

    /** The run folders {@code grid} makes for the list, seed by seed, against the listed names with the seed part appended. */
    private static void assertNamedAsListed(Path list, List<String> listed) {
        GridCommand grid = new GridCommand();
        new CommandLine(grid).parseArgs("--list", list.toString(), "--seeds", "1,2,3", "--epochs", "3", "--out", OUT.toString());
        List<String> runs = grid.experiments();
        List<String> expected = new ArrayList<>();
        for (String seedPart : List.of("", ".seed2", ".seed3")) {
            listed.forEach(name -> expected.add(name + seedPart));
        }
        assertEquals(expected, runs, list + ": run names");
        for (int i = 0; i < runs.size(); i++) {
            // the grid's run folder: its configuration parsed from the run name, with the stage's epochs
            RunFolder folder = RunFolder.of(OUT, RunName.experiment(runs.get(i)).withEpochs(3));
            assertEquals(OUT.resolve(expected.get(i)), folder.dir(), list + ": folder of " + runs.get(i));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
