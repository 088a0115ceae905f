package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's per-epoch CSV. Every update rewrites the whole file through a temporary file and a rename,
 * so a run killed at any moment leaves either the old or the new worklog, never a torn one.
 */
public final class Worklog {
    public static final String FILE = "worklog.csv";
    public static final String HEADER = "epoch,train_loss,train_acc,test_acc,seconds,images_per_s,best_acc,best_epoch";

    private Worklog() {
    }

    /** The last epoch a worklog's rows reach; 0 for none. */
    public static int lastEpoch(List<EpochRecord> rows) {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).epoch();
    }

    public static List<EpochRecord> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalStateException(file + ": not a worklog (header must be '" + HEADER + "')");
            }
            List<EpochRecord> out = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",");
                if (f.length != 8) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": expected 8 fields, got " + f.length);
                }
                try {
                    out.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                            Double.parseDouble(f[6]), Integer.parseInt(f[7])));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": not a worklog row (" + e.getMessage() + ")");
                }
                int epoch = out.get(out.size() - 1).epoch();
                int before = out.size() > 1 ? out.get(out.size() - 2).epoch() : 0;
                if (epoch <= before) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": epoch " + epoch + " after epoch " + before
                            + " (epochs must increase)");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read worklog " + file, e);
        }
    }

    public static void write(Path file, List<EpochRecord> records) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.4f,%.2f,%.1f,%.4f,%d%n", r.epoch(), r.trainLoss(),
                    r.trainAccuracy(), r.testAccuracy(), r.seconds(), r.imagesPerSecond(), r.bestAccuracy(), r.bestEpoch()));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
