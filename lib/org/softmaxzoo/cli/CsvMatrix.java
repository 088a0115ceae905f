package org.softmaxzoo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads numbers from a header-less CSV file, with errors that name the file, line and value. */
final class CsvMatrix {
    private CsvMatrix() {
    }

    static float[][] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            float[] row = new float[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Float.parseFloat(cells[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + cells[k] + "' is not a number");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + row.length + " values, expected "
                        + rows.get(0).length + " as on the first line");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no numbers");
        }
        return rows.toArray(float[][]::new);
    }

    /** All values of the file in reading order (one per line or one line of values). */
    static float[] readVector(Path file) {
        float[][] m = read(file);
        if (m.length == 1) {
            return m[0];
        }
        float[] out = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != 1) {
                throw new IllegalArgumentException(file + ": expected one value per line or one line of values");
            }
            out[i] = m[i][0];
        }
        return out;
    }

    static int[] readLabels(Path file) {
        float[] v = readVector(file);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(file + ": label " + v[i] + " is not an integer");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
