package org.softmaxzoo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads numbers from a header-less CSV file, with errors that name the file, line and value. */
final class CsvMatrix {
    private CsvMatrix() {
    }

    static float[][] read(Path file) {
        List<float[]> rows = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            float[] row = new float[cells.length];
            for (int k = 0; k < cells.length; k++) {
                row[k] = finiteFloat(file, i + 1, cells[k]);
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

    /** Labels as written, one per line or one line of them: whole numbers in 0..2^31-1, checked as written (not via float). */
    static int[] readLabels(Path file) {
        List<Integer> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            for (String cell : lines.get(i).trim().split("\\s*,\\s*")) {
                if (cell.isEmpty()) {
                    continue;
                }
                long label;
                try {
                    label = new java.math.BigDecimal(cell).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": label '" + cell + "' is not a whole number");
                }
                if (label < 0 || label > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": label " + cell + " is out of range (0 to the class count - 1)");
                }
                out.add((int) label);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labels");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A float32 value that is finite: NaN, infinities and values that overflow float32 (1e39) are refused. */
    private static float finiteFloat(Path file, int line, String cell) {
        float v;
        try {
            v = Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + cell + "' is not a number");
        }
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + cell + "' is not a finite float32 number (|x| < 3.4e38)");
        }
        return v;
    }
}
