package org.softmaxzoo.train;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.data.Provenance;
import org.softmaxzoo.graph.Machine;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.SpecHistory;

/**
 * The run store: one run's folder and every file in it. {@value #CONFIG_FILE} (what the run is, with the
 * content hashes of its data), {@value Worklog#FILE} (one row per epoch, append-only), {@value Checkpoint#FILE}
 * (every variable after the last saved epoch), {@value MachineLog#FILE} (the machine of each stretch of epochs),
 * {@value RunLock#FILE} (the one-trainer-per-folder lock),
 * the open-set metrics and the run's figures. Training ({@link Trainer#train}) and reading a finished run
 * back ({@link #finished}, {@link #load}) are separate: reading needs no data and takes no lock, so a
 * finished run is reported while another process may be reading it too.
 */
public final class RunFolder {
    public static final String CONFIG_FILE = "config.properties";
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** The run folder at {@code dir} (it need not exist yet). */
    public static RunFolder at(Path dir) {
        return new RunFolder(dir);
    }

    /** The folder of {@code config}'s run under a folder of runs: {@code runsDir/<name>}. */
    public static RunFolder of(Path runsDir, TrainConfig config) {
        return new RunFolder(runsDir.resolve(config.name()));
    }

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    public Path worklogFile() {
        return dir.resolve(Worklog.FILE);
    }

    public Path checkpointFile() {
        return dir.resolve(Checkpoint.FILE);
    }

    public Path machinesFile() {
        return dir.resolve(MachineLog.FILE);
    }

    /** The machines that trained the run, each from its first epoch on; empty for runs from before they were recorded. */
    public List<MachineLog.Row> machines() {
        return MachineLog.read(machinesFile());
    }

    void recordMachine(int fromEpoch, Machine machine) {
        MachineLog.record(machinesFile(), fromEpoch, machine);
    }

    /** Another file of the run, by name (e.g. the open-set metrics). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The run's figure {@code <kind>-<run>-e<epoch>.png} in {@code figuresDir} (figures live apart from results). */
    public Path figure(Path figuresDir, String kind, int epoch) {
        return figuresDir.resolve(kind + "-" + dir.getFileName() + "-e" + epoch + ".png");
    }

    // ---- lock

    /** This process's hold on the folder; a {@link RunInUseException} naming the holder when another has it. */
    public RunLock lock() {
        return RunLock.acquire(dir);
    }

    /** The hold, or null when another process (or thread) holds it: how grid processes claim runs. */
    public RunLock tryLock() {
        return RunLock.tryAcquire(dir);
    }

    // ---- config

    /** The folder's {@value #CONFIG_FILE}: empty when the run has none yet. */
    public Properties config() {
        Path file = configFile();
        Properties p = new Properties();
        if (!Files.exists(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    /**
     * Writes a new run's configuration, with the content hashes of its data; refuses to continue a run of
     * another configuration or of other data.
     */
    void checkOrWriteConfig(TrainConfig config, Provenance provenance) {
        Path file = configFile();
        Properties wanted = config.identity();
        provenance.properties().forEach(wanted::setProperty);
        if (Files.exists(file)) {
            Properties existing = config();
            if (provenance.recorded() && !existing.containsKey(Provenance.OFFICIAL_KEY)) {
                throw new IllegalStateException(dir + " was trained before runs recorded their data (no "
                        + Provenance.OFFICIAL_KEY + " in " + CONFIG_FILE + "), so its data cannot be checked; move that folder "
                        + "away to train the run again");
            }
            TreeSet<String> differing = new TreeSet<>();
            for (String key : wanted.stringPropertyNames()) {
                if (!wanted.getProperty(key).equals(existing.getProperty(key)) && !sameHead(key, existing, wanted)) {
                    differing.add(key + ": run has " + existing.getProperty(key) + ", asked " + wanted.getProperty(key));
                }
            }
            if (!differing.isEmpty()) {
                throw new IllegalStateException(dir + " holds a different run (" + String.join("; ", differing)
                        + "); choose another --out or remove that folder");
            }
            return;
        }
        StringWriter w = new StringWriter();
        try {
            wanted.store(w, "softmax-zoo run configuration (epochs may grow on resume)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(file, w.toString());
    }

    /**
     * Recorded heads compare by meaning: the record read as it was trained ({@link SpecHistory#asTrained}),
     * both sides in canonical form.
     */
    private static boolean sameHead(String key, Properties existing, Properties wanted) {
        if (!key.equals("head") || existing.getProperty(key) == null) {
            return false;
        }
        try {
            return Heads.create(SpecHistory.asTrained(existing.getProperty(key))).spec()
                    .equals(Heads.create(wanted.getProperty(key)).spec());
        } catch (RuntimeException e) {
            return false; // a record that no longer parses is a different run
        }
    }

    // ---- worklog and checkpoint

    /** The worklog's rows; empty when there is none yet. */
    public List<EpochRecord> worklog() {
        return Worklog.read(worklogFile());
    }

    /**
     * The worklog's rows for a report: empty, with the one-line reason passed to {@code unreadable}, when the file
     * cannot be read, so one damaged run folder leaves its row blank instead of stopping the whole report.
     */
    public List<EpochRecord> worklogOrEmpty(Consumer<String> unreadable) {
        try {
            return worklog();
        } catch (IllegalStateException | UncheckedIOException e) {
            unreadable.accept(e.getMessage());
            return List.of();
        }
    }

    void writeWorklog(List<EpochRecord> records) {
        Worklog.write(worklogFile(), records);
    }

    public boolean hasCheckpoint() {
        return Files.exists(checkpointFile());
    }

    /** The checkpoint; a {@link CheckpointException} naming the file and the fix when it is missing or damaged. */
    public Checkpoint checkpoint() {
        return Checkpoint.read(checkpointFile());
    }

    void writeCheckpoint(Checkpoint checkpoint) {
        checkpoint.write(checkpointFile());
    }

    /** Drops a finished run's checkpoint (the grid keeps only worklogs); a leftover costs disk only. */
    public void deleteCheckpoint() {
        try {
            Files.deleteIfExists(checkpointFile());
        } catch (IOException e) {
            // A leftover checkpoint costs disk only.
        }
    }

    /** Temporary files a killed writer left; call only under the lock. */
    void removeLeftovers() {
        AtomicFiles.removeLeftovers(dir, Checkpoint.FILE, Worklog.FILE, CONFIG_FILE, MachineLog.FILE);
    }

    // ---- reading results back

    /** Epochs the run has completed towards {@code epochs}: its checkpoint's, else its worklog's when finished, else 0. */
    public int doneEpochs(int epochs) {
        if (hasCheckpoint()) {
            return checkpoint().epoch();
        }
        int last = Worklog.lastEpoch(worklog());
        return last >= epochs ? last : 0;
    }

    /**
     * The run's result as its worklog holds it, whether finished or not, read without data and without the
     * lock.
     */
    public RunResult load(TrainConfig config) {
        return new RunResult(config, dir, worklog());
    }

    /** The result of a run whose worklog reaches {@code config}'s epochs, or null when it is not finished. */
    public RunResult finished(TrainConfig config) {
        RunResult r = load(config);
        return r.finished() ? r : null;
    }

    /** The graph of the run with the variables of its checkpoint, for features and plots. */
    public TrainingGraph graph(TrainConfig config, ImageSet shapeOf) {
        if (!hasCheckpoint()) {
            throw new IllegalStateException(dir + ": no checkpoint; train the run first");
        }
        Checkpoint saved = checkpoint();
        TrainingGraph g = Trainer.build(config, shapeOf);
        g.restore(saved.values());
        return g;
    }

    // ---- starting over

    /**
     * Starts the run over: its worklog, checkpoint and machine record are renamed to {@code <file>.bak-<time>}
     * (kept, never deleted), so that the next {@link Trainer#train} trains from scratch. Returns the backups made.
     */
    public List<Path> restart() {
        try (RunLock held = lock()) {
            String suffix = ".bak-" + LocalDateTime.now().format(BACKUP_TIME);
            List<Path> backups = new ArrayList<>();
            for (Path file : List.of(worklogFile(), checkpointFile(), machinesFile())) {
                if (Files.exists(file)) {
                    Path backup = file.resolveSibling(file.getFileName() + suffix);
                    Files.move(file, backup);
                    backups.add(backup);
                }
            }
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot back up the run's files (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
