package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact description of many runs: an experiment name with brace groups, each expanded to every
 * one of its comma-separated values, e.g.
 * {@code mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale{1,2,4}.margin{0,0.35}} is six runs
 * (three scales times two margins, the last group varying fastest). A name without braces is itself.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * The entries of a list file: one per line, blank lines and lines starting with {@code #} skipped, each
     * line's brace groups expanded ({@link #expand}).
     */
    public static List<String> readList(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .flatMap(l -> expand(l).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the list (" + e.getMessage() + ")", e);
        }
    }

    public static List<String> expand(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            if (pattern.indexOf('}') >= 0) {
                throw new IllegalArgumentException("sweep '" + pattern + "': '}' without '{'");
            }
            return List.of(pattern);
        }
        int close = pattern.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("sweep '" + pattern + "': '{' without '}'");
        }
        String inside = pattern.substring(open + 1, close);
        if (inside.contains("{") || inside.isBlank()) {
            throw new IllegalArgumentException("sweep '" + pattern + "': a group needs values separated by commas, not nested groups, "
                    + "e.g. scale{1,2,4}");
        }
        List<String> names = new ArrayList<>();
        for (String value : inside.split(",", -1)) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("sweep '" + pattern + "': empty value in {" + inside + "}");
            }
            for (String rest : expand(pattern.substring(close + 1))) {
                names.add(pattern.substring(0, open) + value.trim() + rest);
            }
        }
        return names;
    }
}
