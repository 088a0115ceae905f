package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softmaxzoo.graph.Machine;

/**
 * {@value #FILE}: which machine trained which epochs of a run. A row is added when the first epoch of a start
 * (or resume) on a machine other than the last row's has trained, and holds from its epoch to the next row's.
 * Rows are only ever dropped as the worklog's are: a row from an epoch that is trained again (its
 * checkpoint was never written) gives way to the new one. Runs trained before 2026-11-30 have no such file,
 * and a run begun before then and resumed after has a first row past epoch 1: its earlier epochs' machine
 * was not recorded.
 */
public final class MachineLog {
    public static final String FILE = "machines.csv";
    static final String HEADER = "from_epoch,processor,vector_units,intra_op_threads,devices";

    /** One stretch of epochs: from {@code fromEpoch} on, until the next row's. */
    public record Row(int fromEpoch, Machine machine) {
    }

    private MachineLog() {
    }

    /**
     * Records {@code machine} from {@code fromEpoch} on: nothing when the last row still standing names the same
     * machine, else a new row after dropping the rows from {@code fromEpoch} on (epochs being trained again).
     */
    static void record(Path file, int fromEpoch, Machine machine) {
        List<Row> all = read(file);
        List<Row> kept = all.stream().filter(r -> r.fromEpoch() < fromEpoch).toList();
        boolean sameMachine = !kept.isEmpty() && kept.get(kept.size() - 1).machine().equals(cleaned(machine));
        if (sameMachine && kept.size() == all.size()) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        kept.forEach(r -> text.append(line(r.fromEpoch(), r.machine())));
        if (!sameMachine) {
            text.append(line(fromEpoch, machine));
        }
        AtomicFiles.writeString(file, text.toString());
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
            if (f.length != 5) {
                throw new IllegalStateException(file + ": a row needs 5 fields (" + HEADER + "), found '" + l + "'");
            }
            rows.add(new Row(Integer.parseInt(f[0]), new Machine(f[1], f[2], Integer.parseInt(f[3]), f[4])));
        }
        return rows;
    }

    private static String line(int fromEpoch, Machine m) {
        Machine c = cleaned(m);
        return fromEpoch + "," + c.processor() + "," + c.vectorUnits() + "," + c.intraOpThreads() + "," + c.devices() + "\n";
    }

    /** The CSV has no quoting: a comma in a processor's name becomes a semicolon. */
    private static Machine cleaned(Machine m) {
        return new Machine(m.processor().replace(',', ';'), m.vectorUnits().replace(',', ';'), m.intraOpThreads(),
                m.devices().replace(',', ';'));
    }
}
