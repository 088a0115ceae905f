package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.SyntheticImages;

/** Results are append-only: a run's worklog is never trained over, whatever happened to its checkpoint. */
class ResumeSafetyTest {
    @TempDir
    Path dir;

    private static final Datasets.Split DATA = SyntheticImages.split(64, 16, 3);
    private static final TrainConfig CONFIG = TrainConfig.of(DatasetKind.MNIST, "softmax").withEpochs(3);
    private static final Trainer.Listener QUIET = new Trainer.Listener() {
    };

    @Test
    void extendingAFinishedRunWithoutItsCheckpointIsRefusedUntilRestart() throws IOException {
        Path run = dir.resolve("run");
        Trainer.train(CONFIG.withEpochs(2), DATA, run, QUIET);
        Files.delete(run.resolve(Checkpoint.FILE)); // as the grid leaves finished runs
        byte[] worklog = Files.readAllBytes(run.resolve(Worklog.FILE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Trainer.train(CONFIG, DATA, run, QUIET));
        assertTrue(e.getMessage().contains("--restart") && e.getMessage().contains("epochs 1-2"), e.getMessage());
        assertArrayEquals(worklog, Files.readAllBytes(run.resolve(Worklog.FILE)), "the worklog is untouched");
        assertEquals(2, RunFolder.at(run).finished(CONFIG.withEpochs(2)).records().size(), "still read as a finished result");
        assertEquals(null, RunFolder.at(run).finished(CONFIG), "2 of 3 epochs: not finished");
        assertArrayEquals(worklog, Files.readAllBytes(run.resolve(Worklog.FILE)), "reading it back changed nothing");
        List<Path> backups = RunFolder.at(run).restart();
        assertEquals(2, backups.size(), "the worklog and the machine record (the checkpoint was deleted)");
        assertTrue(backups.get(0).getFileName().toString().startsWith("worklog.csv.bak-"), backups.toString());
        assertTrue(backups.get(1).getFileName().toString().startsWith("machines.csv.bak-"), backups.toString());
        assertArrayEquals(worklog, Files.readAllBytes(backups.get(0)), "the old worklog is kept");
        assertEquals(3, Trainer.train(CONFIG, DATA, run, QUIET).records().size());
        assertEquals(1, RunFolder.at(run).machines().get(0).fromEpoch(), "the new start's machine record begins at epoch 1");
    }

    @Test
    void aCheckpointPastItsWorklogIsRefusedNotReportedFinished() throws IOException {
        Path run = dir.resolve("run");
        Trainer.train(CONFIG.withEpochs(1), DATA, run, QUIET);
        Checkpoint one = Checkpoint.read(run.resolve(Checkpoint.FILE));
        new Checkpoint(99, one.values()).write(run.resolve(Checkpoint.FILE));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Trainer.train(CONFIG, DATA, run, QUIET));
        assertTrue(e.getMessage().contains("epoch 99") && e.getMessage().contains("--restart"), e.getMessage());
        assertEquals(1, Worklog.read(run.resolve(Worklog.FILE)).size());
    }

    @Test
    void aDamagedCheckpointStopsTheRunAndKeepsTheWorklog() throws IOException {
        Path run = dir.resolve("run");
        Trainer.train(CONFIG.withEpochs(2), DATA, run, QUIET);
        Path file = run.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        byte[] worklog = Files.readAllBytes(run.resolve(Worklog.FILE));
        assertThrows(CheckpointException.class, () -> Trainer.train(CONFIG, DATA, run, QUIET));
        assertArrayEquals(worklog, Files.readAllBytes(run.resolve(Worklog.FILE)));
    }

    @Test
    void tempFilesLeftByAKilledWriterAreRemovedAtStart() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Path staleCheckpoint = Files.writeString(run.resolve("checkpoint.bin4711.tmp"), "half");
        Path staleWorklog = Files.writeString(run.resolve("worklog.csv815.tmp"), "half");
        Path notOurs = Files.writeString(run.resolve("notes.tmp"), "keep");
        Trainer.train(CONFIG.withEpochs(1), DATA, run, QUIET);
        assertFalse(Files.exists(staleCheckpoint) || Files.exists(staleWorklog));
        assertTrue(Files.exists(notOurs));
    }
}
