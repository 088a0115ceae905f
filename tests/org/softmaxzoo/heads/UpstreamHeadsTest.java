package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxzoo.heads.core.LossHead;

/**
 * Every head with a public upstream implementation against that implementation's numbers: the loss and its
 * gradients with respect to features and class weights on one batch, computed in float64 by the authors'
 * (or pytorch-metric-learning's, or insightface's) PyTorch code and committed in
 * {@code tests/crosscheck/upstream-heads.csv} by {@code tests/crosscheck/upstream_heads.py}, which names the
 * upstream commits. Lines {@code state:<key>} give a head's state (center loss's centres) to the heads whose
 * spec names it ({@code center/centers} to specs with {@code center(}). Our graphs run in float32, hence the
 * tolerances.
 */
class UpstreamHeadsTest {
    private static final Path CSV = Path.of("tests", "crosscheck", "upstream-heads.csv");

    record Case(String spec, String source, double loss, float[] featureGradient, float[] weightGradient) {
        @Override
        public String toString() {
            return spec + " vs " + source;
        }
    }

    private static final Map<String, float[]> INPUTS = new HashMap<>();

    static Stream<Case> cases() throws IOException {
        List<String[]> rows = Files.readAllLines(CSV).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(";", -1)).toList();
        rows.stream().filter(r -> r[1].isEmpty()).forEach(r -> INPUTS.put(r[0], numbers(r[3])));
        return rows.stream().filter(r -> !r[1].isEmpty())
                .map(r -> new Case(r[0], r[1], Double.parseDouble(r[2]), numbers(r[3]), numbers(r[4])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndGradientsMatchTheUpstreamImplementation(Case c) {
        float[] labelValues = INPUTS.get("labels");
        int[] labels = new int[labelValues.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) labelValues[i];
        }
        float[][] x = rows(INPUTS.get("x"), labels.length);
        boolean subCentres = c.spec().startsWith("subcenter");
        float[][] w = rows(INPUTS.get(subCentres ? "w_subcenter" : "w"), x[0].length);
        int classes = INPUTS.get("w").length / x[0].length;
        Map<String, float[]> state = new HashMap<>();
        INPUTS.forEach((name, values) -> {
            if (name.startsWith("state:") && c.spec().contains(name.substring("state:".length()).split("/")[0] + "(")) {
                state.put(name.substring("state:".length()), values);
            }
        });
        LossHead head = Heads.create(c.spec());
        HeadEvaluator.Evaluation ours = HeadEvaluator.evaluate(head, x, w, classes, labels, null, state, true);

        assertEquals(c.loss(), ours.loss(), 2e-5 * Math.max(1, Math.abs(c.loss())), c + ": loss");
        assertClose(c.featureGradient(), ours.featureGradient(), c + ": d loss / d x");
        assertClose(c.weightGradient(), ours.weightGradient(), c + ": d loss / d W");
    }

    /** An empty upstream gradient means the upstream code's gradient is not the loss's derivative (said in its source column). */
    private static void assertClose(float[] upstream, float[] ours, String what) {
        if (upstream.length == 0) {
            return;
        }
        assertEquals(upstream.length, ours.length, what + ": size");
        for (int i = 0; i < upstream.length; i++) {
            assertEquals(upstream[i], ours[i], 1e-4 + 1e-4 * Math.abs(upstream[i]), what + "[" + i + "]");
        }
    }

    private static float[] numbers(String field) {
        String trimmed = field.trim();
        if (trimmed.isEmpty()) {
            return new float[0];
        }
        String[] parts = trimmed.split(" ");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    private static float[][] rows(float[] flat, int rows) {
        int cols = flat.length / rows;
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return out;
    }
}
