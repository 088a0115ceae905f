package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softmaxzoo.graph.Machine;

/**
 * {@value #FILE}: which machine trained which epochs of a run. A row is added when training starts (or
 * resumes) on a machine other than the last row's, and holds from its epoch to the next row's; rows are
 * never changed. Runs trained before 2026-11-30 have no such file, and a run begun before then and resumed
 * after has a first row past epoch 1: its earlier epochs' machine was not recorded.
 */
public final class MachineLog {
    public static final String FILE = "machines.csv";
    static final String HEADER = "from_epoch,processor,vector_units,intra_op_threads";

    /** One stretch of epochs: from {@code fromEpoch} on, until the next row's. */
    public record Row(int fromEpoch, Machine machine) {
    }

    private MachineLog() {
    }

    /** Appends {@code machine} from {@code fromEpoch} on, unless the last row already names the same machine. */
    static void record(Path file, int fromEpoch, Machine machine) {
        List<Row> rows = read(file);
        if (!rows.isEmpty() && rows.get(rows.size() - 1).machine().equals(cleaned(machine))) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            text.append(line(r.fromEpoch(), r.machine()));
        }
        AtomicFiles.writeString(file, text.append(line(fromEpoch, machine)).toString());
    }

    /** The rows; empty when the run has no such file. */
    public static List<Row> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            if (f.length != 4) {
                throw new IllegalStateException(file + ": a row needs 4 fields (" + HEADER + "), found '" + l + "'");
            }
            rows.add(new Row(Integer.parseInt(f[0]), new Machine(f[1], f[2], Integer.parseInt(f[3]))));
        }
        return rows;
    }

    private static String line(int fromEpoch, Machine m) {
        Machine c = cleaned(m);
        return fromEpoch + "," + c.processor() + "," + c.vectorUnits() + "," + c.intraOpThreads() + "\n";
    }

    /** The CSV has no quoting: a comma in a processor's name becomes a semicolon. */
    private static Machine cleaned(Machine m) {
        return new Machine(m.processor().replace(',', ';'), m.vectorUnits().replace(',', ';'), m.intraOpThreads());
    }
}
