package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.SyntheticImages;

/** One trainer per run folder: a run held by another process is refused with that process's pid, and left untouched. */
class RunLockTest {
    @TempDir
    Path dir;

    private static final Datasets.Split DATA = SyntheticImages.split(64, 16, 3);
    private static final TrainConfig CONFIG = TrainConfig.of(DatasetKind.MNIST, "softmax").withEpochs(1);

    @Test
    void aSecondTrainerOfAHeldFolderIsRefusedNamingTheHoldersPid() throws Exception {
        Path run = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), HoldRunLock.class.getName(),
                run.toString())).redirectErrorStream(true).start();
        try {
            String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals("held", said);
            RunInUseException e = assertThrows(RunInUseException.class, () -> Trainer.train(CONFIG, DATA, run, new Trainer.Listener() {
            }));
            assertTrue(e.getMessage().contains("process " + holder.pid()), e.getMessage());
            assertFalse(Files.exists(run.resolve(Worklog.FILE)) || Files.exists(run.resolve(RunFolder.CONFIG_FILE)),
                    "the refused trainer wrote nothing");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // The holder's death releases the lock: no stale lock to clean up by hand.
        assertEquals(1, Trainer.train(CONFIG, DATA, run, new Trainer.Listener() {
        }).records().size());
    }
}
