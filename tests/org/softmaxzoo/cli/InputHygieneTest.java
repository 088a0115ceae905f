package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with exit 2 and one line naming the problem, never passed through as NaN or ignored. */
class InputHygieneTest {
    @TempDir
    Path dir;

    private CliRun loss(String head, String features, String weights, String labels, String... more) throws Exception {
        Path f = Files.writeString(dir.resolve("f.csv"), features);
        Path w = Files.writeString(dir.resolve("w.csv"), weights);
        Path y = Files.writeString(dir.resolve("y.csv"), labels);
        String[] base = {"loss", "--head", head, "--features", f.toString(), "--weights", w.toString(), "--labels", y.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void nonFiniteAndOverflowingCsvValuesAreRefused() throws Exception {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e39"}) {
            CliRun r = loss("softmax", "3," + bad + "\n", "1,0\n0,1\n", "1\n");
            assertEquals(2, r.code(), bad);
            assertEquals("error: " + dir.resolve("f.csv") + ":1: '" + bad + "' is not a finite float32 number (|x| < 3.4e38)",
                    r.err().trim());
        }
    }

    @Test
    void aNonFiniteLossIsAnErrorNotAnAnswer() throws Exception {
        // Logits 3e38 + 3e38 overflow float32 to infinity: the loss would be NaN.
        CliRun r = loss("softmax", "3e38,3e38\n", "1,1\n1,1\n", "0\n");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("error: the loss is ") && r.err().contains("overflow"), r.err());
        assertFalse(r.out().contains("\"loss\""), r.out());
    }

    @Test
    void biasIsRefusedForAHeadWithoutOneAndUsedByOneWithIt() throws Exception {
        Path b = Files.writeString(dir.resolve("b.csv"), "0.5,-1\n");
        CliRun without = loss("normface(s=10)", "3,4\n", "1,0\n0,1\n", "1\n", "--bias", b.toString());
        assertEquals(2, without.code());
        assertTrue(without.err().contains("--bias: head normface(s=10) has no bias"), without.err());
        CliRun with = loss("softmax", "3,4\n", "1,0\n0,1\n", "1\n", "--bias", b.toString());
        assertEquals(0, with.code(), with.err());
        // Logits W.x + b = (3 + 0.5, 4 - 1) = (3.5, 3); label 1: loss log(1 + e^0.5).
        double expected = Math.log(1 + Math.exp(0.5));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"loss\": ([^,]+), \"logits\": \\[\\[([^,]+), ([^\\]]+)\\]\\]\\}")
                .matcher(with.out().trim());
        assertTrue(m.matches(), with.out());
        assertEquals(expected, Double.parseDouble(m.group(1)), 1e-6);
        assertEquals(3.5, Double.parseDouble(m.group(2)), 1e-6);
        assertEquals(3.0, Double.parseDouble(m.group(3)), 1e-6);
    }

    @Test
    void labelsAreReadAsWrittenNotThroughAFloat() throws Exception {
        CliRun huge = loss("softmax", "3,4\n", "1,0\n0,1\n", "1e10\n");
        assertEquals(2, huge.code());
        assertTrue(huge.err().contains("label 1e10 is out of range") && !huge.err().contains("2147483647"), huge.err());
        CliRun half = loss("softmax", "3,4\n", "1,0\n0,1\n", "0.5\n");
        assertTrue(half.err().contains("label '0.5' is not a whole number"), half.err());
    }

    @Test
    void aMissingFileSaysNoSuchFile() {
        Path missing = dir.resolve("nowhere.csv");
        CliRun r = CliRun.of("loss", "--head", "softmax", "--features", missing.toString(), "--weights", missing.toString(),
                "--labels", missing.toString());
        assertEquals("error: " + missing + ": no such file", r.err().trim());
    }

    @Test
    void anUnwritableFiguresFolderIsRefusedBeforeTraining() throws Exception {
        Path aFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("train", "--dataset", "mnist", "--epochs", "1", "--out", runs.toString(), "--data", dir.resolve("no-data").toString(),
                "--figures", aFile.resolve("figures").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --figures " + aFile.resolve("figures") + ": cannot write there"), r.err());
        assertFalse(Files.exists(runs), "refused before anything was trained or written");
    }

    @Test
    void gridAndVerifyRefuseAStopFileLeftFromAnEarlierStopBeforeTrainingAnything() throws IOException {
        Path stop = Files.createFile(dir.resolve("left.stop"));
        Path runs = dir.resolve("stopped-runs");
        for (String command : List.of("grid", "verify")) {
            CliRun r = CliRun.of(command, "--stop-file", stop.toString(), "--out", runs.toString(), "--data", dir.resolve("no-data").toString());
            assertEquals(2, r.code(), command + ": " + r.err());
            assertEquals("error: stop file " + stop + " exists (left by an earlier stop?): remove it to start", r.err().strip(), command);
        }
        CliRun budget = CliRun.of("verify", "--budget-minutes", "0", "--out", runs.toString());
        assertEquals(2, budget.code());
        assertTrue(budget.err().contains("--budget-minutes must be a positive number of minutes, got 0.0"), budget.err());
        assertFalse(Files.exists(runs), "refused before anything was written");
    }

    @Test
    void negativeBudgetAndLimitAreRefusedAndLimitZeroIsDocumented() {
        CliRun budget = CliRun.of("grid", "--budget-minutes", "-1", "--out", dir.toString());
        assertEquals(2, budget.code());
        assertTrue(budget.err().contains("--budget-minutes must be a positive number of minutes, got -1.0"), budget.err());
        CliRun limit = CliRun.of("train", "--dataset", "mnist", "--limit", "-5", "--out", dir.toString(), "--figures", dir.toString());
        assertEquals(2, limit.code());
        assertTrue(limit.err().contains("--limit must be 0 (all images) or a positive count, got -5"), limit.err());
        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("(0 or absent: all of them)"), help.out());
    }
}
