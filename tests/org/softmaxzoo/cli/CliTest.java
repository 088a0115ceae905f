package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void lossCommandPrintsLossAndLogitsAsJson() throws Exception {
        Path f = Files.writeString(dir.resolve("f.csv"), "3,4\n0,-2\n");
        Path w = Files.writeString(dir.resolve("w.csv"), "1,0\n0,1\n");
        Path y = Files.writeString(dir.resolve("y.csv"), "1\n0\n");
        CliRun r = CliRun.of("loss", "--head", "normface(s=10)", "--features", f.toString(), "--weights", w.toString(),
                "--labels", y.toString());
        assertEquals(0, r.code(), r.err());
        // Row 1: cosines (0.6, 0.8) -> logits (6, 8), label 1. Row 2: (0, -1) -> (0, -10), label 0.
        double expected = (Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-10))) / 2;
        Matcher m = Pattern.compile("\\{\"loss\": ([^,]+), \"logits\": \\[\\[([^\\]]+)\\], \\[([^\\]]+)\\]\\]\\}").matcher(r.out().trim());
        assertTrue(m.matches(), r.out());
        assertEquals(expected, Double.parseDouble(m.group(1)), 1e-6);
        String[] row1 = m.group(2).split(", ");
        assertEquals(6, Double.parseDouble(row1[0]), 1e-5);
        assertEquals(8, Double.parseDouble(row1[1]), 1e-5);
        assertEquals(-10, Double.parseDouble(m.group(3).split(", ")[1]), 1e-5);
    }

    @Test
    void lossCommandTakesTheMarginFamilyHeads() throws Exception {
        // x = (3, 4), label 0, W_0 = (1, 0), W_1 = (0, 1), W_2 = (-1, 0): cosines (0.6, 0.8, -0.6).
        Path f = Files.writeString(dir.resolve("f.csv"), "3,4\n");
        Path w = Files.writeString(dir.resolve("w.csv"), "1,0,-1\n0,1,0\n");
        Path y = Files.writeString(dir.resolve("y.csv"), "0\n");
        // CurricularFace: target 10 cos(acos 0.6 + 0.5) = 1.43009; t = 0.01 * 0.6, hard negative 10 * 0.8 (0.006 + 0.8) = 6.448.
        CliRun r = CliRun.of("loss", "--head", "curricularface(s=10,m=0.5)", "--features", f.toString(), "--weights", w.toString(),
                "--labels", y.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("\\{\"loss\": ([^,]+), \"logits\": \\[\\[([^\\]]+)\\]\\]\\}").matcher(r.out().trim());
        assertTrue(m.matches(), r.out());
        String[] row = m.group(2).split(", ");
        assertEquals(1.43009, Double.parseDouble(row[0]), 1e-4);
        assertEquals(6.448, Double.parseDouble(row[1]), 1e-4);
        assertEquals(-6, Double.parseDouble(row[2]), 1e-5);
        // ElasticFace-Cos without spread: 10 (0.6 - 0.35) = 2.5.
        CliRun elastic = CliRun.of("loss", "--head", "elasticface(s=10,form=cos,sigma=0)", "--features", f.toString(), "--weights",
                w.toString(), "--labels", y.toString());
        assertEquals(0, elastic.code(), elastic.err());
        Matcher e = Pattern.compile(".*\"logits\": \\[\\[([^,]+), ([^,]+), ([^\\]]+)\\]\\]\\}").matcher(elastic.out().trim());
        assertTrue(e.matches(), elastic.out());
        assertEquals(2.5, Double.parseDouble(e.group(1)), 1e-5);
        assertEquals(8, Double.parseDouble(e.group(2)), 1e-5);
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        Path f = Files.writeString(dir.resolve("f.csv"), "3,4\n0,x\n");
        Path w = Files.writeString(dir.resolve("w.csv"), "1,0\n0,1\n");
        Path y = Files.writeString(dir.resolve("y.csv"), "1\n0\n");
        CliRun bad = CliRun.of("loss", "--head", "normface(s=10)", "--features", f.toString(), "--weights", w.toString(), "--labels", y.toString());
        assertEquals(2, bad.code());
        assertEquals("error: " + f + ":2: 'x' is not a number", bad.err().trim());
        Path good = Files.writeString(dir.resolve("g.csv"), "3,4\n0,1\n");
        CliRun unknown = CliRun.of("loss", "--head", "arcfase", "--features", good.toString(), "--weights", w.toString(), "--labels", y.toString());
        assertTrue(unknown.err().startsWith("error: unknown head 'arcfase'; accepted:"), unknown.err());
        CliRun data = CliRun.of("train", "--dataset", "mnist", "--epochs", "1", "--data", dir.resolve("empty").toString(),
                "--out", dir.resolve("runs").toString());
        assertEquals(2, data.code());
        assertTrue(data.err().startsWith("error: ") && data.err().contains("train-images-idx3-ubyte.gz: file missing"), data.err());
    }

    @Test
    void planCountsWhatAListNeedsWithoutDataOrTraining() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), "# two rows\nmnist.softmax.weight_decay1e-3.feature2\n"
                + "fashion_mnist.softmax.weight_decay1e-3.feature2.normface.scale{5,10}\n");
        Path runs = dir.resolve("runs");
        Path noData = dir.resolve("no-data");
        // 3 experiments x 2 seeds x 3 epochs, nothing trained: 6 runs, 18 epochs (mnist 2 x 3, fashion 4 x 3).
        CliRun grid = CliRun.of("grid", "--plan", "--list", list.toString(), "--seeds", "1,2", "--epochs", "3", "--out", runs.toString(),
                "--data", noData.toString());
        assertEquals(0, grid.code(), grid.err());
        assertEquals("plan: 6 runs: 0 finished, 0 cut, 6 not started; 18 epochs left (mnist 6, fashion_mnist 12)", grid.out().trim());
        // One head, d = 2, MNIST, seeds 1-2, 4 epochs: 2 runs, 8 epochs.
        CliRun verify = CliRun.of("verify", "--plan", "--head", "softmax", "--feature-dim", "2", "--dataset", "mnist", "--seeds", "1,2",
                "--epochs", "4", "--out", runs.toString(), "--data", noData.toString());
        assertEquals(0, verify.code(), verify.err());
        assertEquals("plan: 2 runs: 0 finished, 0 cut, 2 not started; 8 epochs left (mnist 8)", verify.out().trim());
        assertTrue(!Files.exists(runs) && !Files.exists(noData), "a plan writes nothing");
    }
}
