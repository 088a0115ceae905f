package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a fresh JVM (absl logs once per process, and TensorFlow reads its level as it loads): the console
 * shows no TensorFlow native log line unless {@code --verbose} is given, including the lines TensorFlow 2.18
 * writes through absl at the first session run, which {@code TF_CPP_MIN_LOG_LEVEL} does not reach.
 */
class NativeLogLinesTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // absl's prefix (I0000 00:00:1795955341.020470 2490 file.cc:401]), TensorFlow's own (2026-11-29 12:34:26.396209: I
    // tensorflow/...), and the line absl adds before its first one.
    private static final Pattern NATIVE = Pattern.compile(
            "(?m)^([IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+: [IWEF] "
                    + "|WARNING: All log messages before absl::InitializeLog)");
    private static final Pattern ABSL = Pattern.compile("(?m)^[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d");

    @TempDir
    Path dir;

    @Test
    void lossPrintsNoNativeLineUnlessVerbose() throws Exception {
        Files.writeString(dir.resolve("f.csv"), "1,0\n0,1\n");
        Files.writeString(dir.resolve("l.csv"), "0\n1\n");
        Files.writeString(dir.resolve("w.csv"), "1,0\n0,1\n");
        List<String> loss = List.of("loss", "--head", "softmax", "--features", "f.csv", "--labels", "l.csv", "--weights", "w.csv");

        Run quiet = run(loss);
        // Logits (1, 0) and (0, 1), both labels right: loss log(1 + e^-1) = 0.3132616875.
        assertTrue(quiet.out.contains("\"loss\": 0.31326"), quiet.out);
        assertTrue(!NATIVE.matcher(quiet.err).find(), "native log lines without --verbose:\n" + quiet.err);

        List<String> verbose = new ArrayList<>(loss);
        verbose.add(Main.VERBOSE);
        Run shown = run(verbose);
        assertTrue(shown.out.contains("\"loss\": 0.31326"), shown.out);
        // The same session run does log through absl (the MLIR pass notice): the pattern above matches real lines.
        assertTrue(ABSL.matcher(shown.err).find(), "no absl line with --verbose:\n" + shown.err);
    }

    @Test
    void benchPrintsNoNativeLine() throws Exception {
        Run quiet = run(List.of("bench", "--batch", "4", "--steps", "1", "--warmup", "0", "--repeats", "1"));
        assertTrue(quiet.out.contains("TensorFlow "), quiet.out);
        assertTrue(!NATIVE.matcher(quiet.err).find(), "native log lines without --verbose:\n" + quiet.err);
    }

    private record Run(String out, String err) {
    }

    private Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        pb.environment().remove(Main.LOG_LEVEL);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String errText = Files.readString(err);
        assertEquals(0, code, out + errText);
        return new Run(out, errText);
    }
}
