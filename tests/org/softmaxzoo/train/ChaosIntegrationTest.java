package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.IdxFile;
import org.softmaxzoo.testing.TestData;

/**
 * A small real-MNIST run (320 training and 500 test images, 6 epochs) killed with SIGKILL again and again, mid-epoch and in the
 * window where the epoch's worklog and checkpoint are written, resumed after each kill, ends with the same
 * worklog (times aside) and a byte-identical checkpoint as the same run uninterrupted.
 */
@Tag("integration")
class ChaosIntegrationTest {
    private static final int KILLS = 10;
    private static final int CHECKPOINT_WRITE_KILLS = 2;
    private static final int TRAIN_IMAGES = 320;
    private static final int TEST_IMAGES = 500;
    private static final int MAX_LIVES = 60;

    @TempDir
    Path dir;

    private final Random random = new Random(20261129);

    @Test
    void killedAtRandomMomentsTheRunEndsAsAnUninterruptedOne() throws Exception {
        Path data = smallMnist();
        Path reference = dir.resolve("reference");
        Life whole = live(reference, data, Kill.NEVER, 0);
        assertTrue(whole.finished, "the uninterrupted run finished");
        // How long an epoch's end takes (test accuracy, worklog, checkpoint): end-of-epoch kills land in it or, about
        // half of them, after it (early in the next epoch), so the run also moves on between kills.
        int window = 2 * (int) Math.max(20, whole.endOfEpochMillis) + 100;

        Path chaos = dir.resolve("chaos");
        Path runDir = chaos.resolve(ChaosTrainer.CONFIG.name());
        int kills = 0;
        int duringCheckpointWrite = 0;
        int lives = 0;
        while (kills < KILLS || duringCheckpointWrite < CHECKPOINT_WRITE_KILLS) {
            assertTrue(++lives <= MAX_LIVES, MAX_LIVES + " lives without " + KILLS + " kills, " + CHECKPOINT_WRITE_KILLS
                    + " of them during a checkpoint write");
            // The last epoch is only killed mid-way, so the run cannot finish before the kills are done.
            boolean lastEpochNext = savedEpoch(runDir) >= ChaosTrainer.CONFIG.epochs() - 1;
            if (lastEpochNext && duringCheckpointWrite < CHECKPOINT_WRITE_KILLS) {
                // Every epoch end passed without the writes caught (a busy machine stretches the search's slices),
                // and the last one is not aimed at: start the chaos run over, its kills with it.
                System.out.printf("chaos life %d: the run reached its last epoch with %d checkpoint-write kills; starting it over%n",
                        lives, duringCheckpointWrite);
                RunFolder.at(runDir).restart();
                kills = 0;
                duringCheckpointWrite = 0;
                lastEpochNext = false;
            }
            Kill kill = lastEpochNext ? Kill.MID_EPOCH
                    : duringCheckpointWrite < CHECKPOINT_WRITE_KILLS ? Kill.CHECKPOINT_WRITE : Kill.values()[1 + random.nextInt(2)];
            Life life = live(chaos, data, kill, kill == Kill.MID_EPOCH ? random.nextInt(30) : random.nextInt(window));
            assertTrue(!life.finished, "the run finished before its kills");
            if (life.killed) {
                kills++;
                duringCheckpointWrite += life.inCheckpointWrite ? 1 : 0;
                System.out.printf("chaos life %d: %s kill%s, checkpoint at epoch %d%n", lives, kill,
                        life.inCheckpointWrite ? " during a checkpoint write" : kill == Kill.CHECKPOINT_WRITE ? " (the write was missed)" : "",
                        savedEpoch(runDir));
            }
        }
        Life last = live(chaos, data, Kill.NEVER, 0);
        assertTrue(last.finished);
        System.out.printf("chaos: %d kills (%d during a checkpoint write) in %d lives%n", kills, duringCheckpointWrite, lives);

        Path a = reference.resolve(ChaosTrainer.CONFIG.name());
        Path b = chaos.resolve(ChaosTrainer.CONFIG.name());
        assertEquals(withoutTimes(a), withoutTimes(b));
        assertArrayEquals(Files.readAllBytes(a.resolve(Checkpoint.FILE)), Files.readAllBytes(b.resolve(Checkpoint.FILE)));
        try (Stream<Path> files = Files.list(b)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "no leftovers after the last start");
        }
    }

    /** When a life is killed: not at all, after a random step, at a random delay after an epoch's last step, or inside its checkpoint write. */
    private enum Kill { NEVER, MID_EPOCH, END_OF_EPOCH, CHECKPOINT_WRITE }

    /** One process: started, killed as asked (or left to finish), with what it got to. */
    private record Life(boolean killed, boolean finished, boolean inCheckpointWrite, long endOfEpochMillis) {
    }

    private Life live(Path runs, Path data, Kill kill, int delayMillis) throws IOException, InterruptedException {
        Path runDir = runs.resolve(ChaosTrainer.CONFIG.name());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChaosTrainer.class.getName(),
                runDir.toString(), data.toString()).redirectErrorStream(true).start();
        try {
            return lifeOf(p, runDir, kill, delayMillis);
        } finally {
            if (p.isAlive()) { // an assertion or I/O error above: no child left stopped or waiting at its gate
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    /** Follows a started life's lines, kills it as asked (answering its gate meanwhile), and says what it got to. */
    private Life lifeOf(Process p, Path runDir, Kill kill, int delayMillis) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int killAtStep = -1;
        long lastStepAt = 0;
        long endOfEpoch = 0;
        String line;
        while ((line = out.readLine()) != null) {
            String[] f = line.split(" ");
            if (f[0].equals("step")) {
                int step = Integer.parseInt(f[2]);
                int steps = Integer.parseInt(f[3]);
                if (killAtStep < 0) {
                    killAtStep = kill == Kill.MID_EPOCH ? 1 + random.nextInt(steps - 1) : steps;
                }
                lastStepAt = System.nanoTime();
                if (kill != Kill.NEVER && step == killAtStep) {
                    boolean inWrite = false;
                    if (kill == Kill.CHECKPOINT_WRITE) {
                        inWrite = stopInsideCheckpointWrite(runDir, p, random.nextInt(6));
                    } else {
                        Thread.sleep(delayMillis);
                    }
                    if (p.isAlive()) { // it cannot finish meanwhile: it waits at its gate before the last epoch's end
                        p.destroyForcibly(); // SIGKILL; also closes the streams, so only for a live process
                        p.waitFor();
                        return new Life(true, false, inWrite, 0);
                    }
                    kill = Kill.NEVER; // it ended by itself first (a crash): read on to see how
                }
            } else if (f[0].equals("gate")) {
                try {
                    p.getOutputStream().write('\n');
                    p.getOutputStream().flush();
                } catch (IOException e) {
                    // it died at the gate: read on to its end, which says how
                }
            } else if (f[0].equals("saved")) {
                endOfEpoch = Math.max(endOfEpoch, (System.nanoTime() - lastStepAt) / 1_000_000);
            } else if (f[0].equals("done")) {
                assertEquals(0, p.waitFor());
                return new Life(false, true, false, endOfEpoch);
            }
        }
        throw new AssertionError("the trainer ended without finishing (exit " + p.waitFor() + ")");
    }

    /**
     * Lets the process run in slices of one signal round trip, stopped (SIGSTOP) between them, until it is stopped with a
     * checkpoint file open (the temporary one or any other: what counts is the process's open descriptors, not how it
     * writes), then for {@code extraSlices} more slices while one stays open, so kills land anywhere in the write.
     * Returns whether it is frozen inside the write; the caller's SIGKILL lands there. The write (1.2 MB and an fsync)
     * spans many slices, so it is not jumped over; should one be, the search gives up after a minute (the process then
     * waits at its gate) and the kill lands wherever the process is.
     */
    private static boolean stopInsideCheckpointWrite(Path runDir, Process p, int extraSlices) throws IOException {
        long giveUpAt = System.nanoTime() + 60_000_000_000L;
        try (Signals signals = new Signals()) {
            int seen = -1;
            while (p.isAlive() && System.nanoTime() < giveUpAt) {
                signals.send("STOP", p.pid());
                boolean writing = hasCheckpointOpen(p.pid(), runDir);
                if (writing && ++seen >= extraSlices) {
                    return true;
                }
                if (!writing && seen >= 0) {
                    return false; // the write ended within the extra slices: this kill lands just after it
                }
                signals.send("CONT", p.pid());
                // no sleep: a slice is one signal round trip, so the write (a few milliseconds) spans several even when
                // other processes load the cores and stretch each slice
            }
            return false;
        }
    }

    /** Whether the (stopped) process has a file named checkpoint.bin* of the run folder open. */
    private static boolean hasCheckpointOpen(long pid, Path runDir) throws IOException {
        String prefix = runDir.toAbsolutePath().resolve(Checkpoint.FILE).toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(prefix);
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /** SIGSTOP and SIGCONT through one bash's kill builtin: a pipe round trip per signal, no process per signal. */
    private static final class Signals implements AutoCloseable {
        private final Process bash = new ProcessBuilder("bash").start();
        private final Writer in = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.US_ASCII);
        private final BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.US_ASCII));

        Signals() throws IOException {
        }

        void send(String signal, long pid) throws IOException {
            in.write("kill -" + signal + " " + pid + " 2>/dev/null; echo\n");
            in.flush();
            out.readLine();
        }

        @Override
        public void close() throws IOException {
            in.close();
            bash.destroy();
        }
    }

    /**
     * A data root with the first {@value #TRAIN_IMAGES} training and {@value #TEST_IMAGES} test images of the real
     * MNIST files, so that each of the many processes loads in milliseconds.
     */
    private Path smallMnist() throws IOException {
        Path real = TestData.root().resolve(DatasetKind.MNIST.folder);
        Path small = Files.createDirectories(dir.resolve("data").resolve(DatasetKind.MNIST.folder));
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            Path plain = real.resolve(part.fileName);
            IdxFile full = IdxFile.read(Files.exists(plain) ? plain : real.resolve(part.fileName + ".gz"));
            int count = part.name().startsWith("TRAIN") ? TRAIN_IMAGES : TEST_IMAGES;
            int[] dims = full.dims().clone();
            int perItem = full.data().length / dims[0];
            dims[0] = count;
            ByteBuffer idx = ByteBuffer.allocate(4 + 4 * dims.length + count * perItem).putInt(0x800 | dims.length);
            for (int d : dims) {
                idx.putInt(d);
            }
            idx.put(full.data(), 0, count * perItem);
            Files.write(small.resolve(part.fileName), idx.array());
        }
        return dir.resolve("data");
    }

    private static int savedEpoch(Path runDir) {
        Path file = runDir.resolve(Checkpoint.FILE);
        return Files.exists(file) ? Checkpoint.read(file).epoch() : 0;
    }

    /** The worklog without its seconds and images/s columns, which differ between any two runs. */
    private static List<String> withoutTimes(Path runDir) throws IOException {
        return Files.readAllLines(runDir.resolve(Worklog.FILE)).stream().map(l -> {
            String[] f = l.split(",");
            return String.join(",", f[0], f[1], f[2], f[3], f[6], f[7]);
        }).toList();
    }
}
