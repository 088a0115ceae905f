package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.data.Provenance;
import org.softmaxzoo.testing.SyntheticImages;

class TrainerTest {
    @TempDir
    Path dir;

    private static final Datasets.Split DATA = SyntheticImages.split(192, 48, 3);
    private static final TrainConfig CONFIG = new TrainConfig("tiny", DatasetKind.MNIST, "normface(s=learn,s_init=5)", 2, 3, 16,
            1e-2f, 1e-3f, 5, 0, null);

    /** Stands in for a process killed at a given step. */
    private static final class Kill extends RuntimeException {
    }

    private static Trainer.Listener killAt(int epoch, int step) {
        return new Trainer.Listener() {
            @Override
            public void step(int e, int s, int steps) {
                if (e == epoch && s == step) {
                    throw new Kill();
                }
            }
        };
    }

    private static final Trainer.Listener QUIET = new Trainer.Listener() {
    };

    private static Map<String, float[]> finalValues(Path runDir) {
        return Checkpoint.read(runDir.resolve(Checkpoint.FILE)).values();
    }

    private static void assertSameRun(RunResult a, RunResult b) {
        assertEquals(a.records().size(), b.records().size());
        for (int i = 0; i < a.records().size(); i++) {
            EpochRecord x = a.records().get(i);
            EpochRecord y = b.records().get(i);
            assertEquals(x.epoch(), y.epoch());
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0, "train loss of epoch " + x.epoch());
            assertEquals(x.trainAccuracy(), y.trainAccuracy(), 0.0);
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0);
            assertEquals(x.bestAccuracy(), y.bestAccuracy(), 0.0);
            assertEquals(x.bestEpoch(), y.bestEpoch());
        }
        Map<String, float[]> va = finalValues(a.runDir());
        Map<String, float[]> vb = finalValues(b.runDir());
        assertEquals(va.keySet(), vb.keySet());
        va.forEach((name, v) -> assertArrayEquals(v, vb.get(name), name));
    }

    @Test
    void trainingLearnsAndWritesOneRowPerEpoch() {
        RunResult r = Trainer.train(CONFIG.withEpochs(6), DATA, dir.resolve("a"), QUIET);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), r.records().stream().map(EpochRecord::epoch).toList());
        assertEquals(6, Worklog.read(dir.resolve("a/worklog.csv")).size());
        assertTrue(r.bestAccuracy() > 0.9, "3 well-separated classes should be learned, got " + r.bestAccuracy());
        // Checkpoint holds weights, the learned scale, and Adam's state.
        Map<String, float[]> v = finalValues(r.runDir());
        assertTrue(v.containsKey("head/weight") && v.containsKey("head/scale") && v.containsKey("head/weight/adam_m")
                && v.containsKey("adam/beta1_power"), v.keySet().toString());
        float steps = 6 * 192 / 16f;
        assertEquals(Math.pow(0.9, steps + 1), v.get("adam/beta1_power")[0], 1e-6, "one Adam update per step");
    }

    @Test
    void aRunRecordsItsMachineAndAResumeOnAnotherMachineAddsARow() throws Exception {
        Path run = dir.resolve("a");
        Trainer.train(CONFIG.withEpochs(2), DATA, run, QUIET);
        List<MachineLog.Row> rows = RunFolder.at(run).machines();
        assertEquals(1, rows.size());
        assertEquals(1, rows.get(0).fromEpoch());
        // This machine as the test reads it: the first "model name" of /proc/cpuinfo, and the thread count asked for.
        String modelName = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElseThrow();
        assertTrue(rows.get(0).machine().processor().startsWith(modelName.replace(',', ';')), rows.toString());
        int intra = Integer.getInteger("softmaxzoo.intra", 0);
        assertEquals(intra == 0 ? Runtime.getRuntime().availableProcessors() : intra, rows.get(0).machine().intraOpThreads());

        // Epochs 1-2 came from another machine; epoch 3 is trained here and gets its own row, the first one untouched.
        String other = "from_epoch,processor,vector_units,intra_op_threads,devices\n1,Other CPU (family 1 model 1),AVX2,7,CPU:0\n";
        Files.writeString(run.resolve(MachineLog.FILE), other);
        Trainer.train(CONFIG.withEpochs(3), DATA, run, QUIET);
        Trainer.train(CONFIG.withEpochs(4), DATA, run, QUIET); // resumed on the same machine: no new row
        List<String> lines = Files.readAllLines(run.resolve(MachineLog.FILE));
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("1,Other CPU (family 1 model 1),AVX2,7,CPU:0", lines.get(1));
        assertTrue(lines.get(2).startsWith("3," + modelName.replace(',', ';')) && lines.get(2).endsWith(",CPU:0"), lines.toString());
    }

    @Test
    void sameSeedSameResult() {
        assertSameRun(Trainer.train(CONFIG, DATA, dir.resolve("a"), QUIET), Trainer.train(CONFIG, DATA, dir.resolve("b"), QUIET));
    }

    @Test
    void differentSeedDifferentResult() {
        Trainer.train(CONFIG, DATA, dir.resolve("a"), QUIET);
        Trainer.train(CONFIG.withSeed(6), DATA, dir.resolve("b"), QUIET);
        assertTrue(!Arrays.equals(finalValues(dir.resolve("a")).get("head/weight"), finalValues(dir.resolve("b")).get("head/weight")));
    }

    @Test
    void runKilledMidEpochResumesToTheSameResult() {
        RunResult uninterrupted = Trainer.train(CONFIG, DATA, dir.resolve("a"), QUIET);
        Path cut = dir.resolve("b");
        assertThrows(Kill.class, () -> Trainer.train(CONFIG, DATA, cut, killAt(2, 3)));
        assertEquals(1, Checkpoint.read(cut.resolve(Checkpoint.FILE)).epoch());
        assertEquals(1, Worklog.read(cut.resolve(Worklog.FILE)).size());
        assertSameRun(uninterrupted, Trainer.train(CONFIG, DATA, cut, QUIET));
    }

    @Test
    void worklogRowWithoutCheckpointIsRedone() {
        RunResult uninterrupted = Trainer.train(CONFIG, DATA, dir.resolve("a"), QUIET);
        Path cut = dir.resolve("b");
        Trainer.train(CONFIG.withEpochs(1), DATA, cut, QUIET);
        // A crash between writing epoch 2's row and its checkpoint: the row is there, the checkpoint says epoch 1.
        List<EpochRecord> rows = new java.util.ArrayList<>(Worklog.read(cut.resolve(Worklog.FILE)));
        rows.add(new EpochRecord(2, 9, 0, 0, 1, 1, 0.99, 2));
        Worklog.write(cut.resolve(Worklog.FILE), rows);
        assertSameRun(uninterrupted, Trainer.train(CONFIG, DATA, cut, QUIET));
    }

    @Test
    void finishedRunIsNotTrainedAgainAndCanBeExtended() throws Exception {
        Path run = dir.resolve("a");
        Trainer.train(CONFIG.withEpochs(2), DATA, run, QUIET);
        String worklog = Files.readString(run.resolve(Worklog.FILE));
        RunResult again = Trainer.train(CONFIG.withEpochs(2), DATA, run, killAt(1, 1));
        assertTrue(again.finished());
        assertEquals(worklog, Files.readString(run.resolve(Worklog.FILE)));
        assertSameRun(Trainer.train(CONFIG, DATA, dir.resolve("b"), QUIET), Trainer.train(CONFIG, DATA, run, QUIET));
    }

    @Test
    void refusesToResumeADifferentRun() {
        Path run = dir.resolve("a");
        Trainer.train(CONFIG.withEpochs(1), DATA, run, QUIET);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.train(CONFIG.withSeed(9).withName(CONFIG.name()), DATA, run, QUIET));
        assertTrue(e.getMessage().contains("holds a different run (seed: run has 5, asked 9)"), e.getMessage());
    }

    @Test
    void nanLossStopsWithEpochAndStepAndKeepsTheLastGoodCheckpoint() {
        Path run = dir.resolve("a");
        Trainer.train(CONFIG.withEpochs(1), DATA, run, QUIET);
        ImageSet clean = DATA.train();
        float[] poisoned = clean.pixels().clone();
        Arrays.fill(poisoned, Float.NaN);
        Datasets.Split bad = new Datasets.Split(new ImageSet(poisoned, clean.labels(), clean.height(), clean.width(), 3), DATA.test());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Trainer.train(CONFIG, bad, run, QUIET));
        assertTrue(e.getMessage().contains("loss became NaN at epoch 2, step 1 of 12") && e.getMessage().contains("checkpoint of epoch 1"),
                e.getMessage());
        assertEquals(1, Checkpoint.read(run.resolve(Checkpoint.FILE)).epoch());
        assertEquals(1, Worklog.read(run.resolve(Worklog.FILE)).size());
    }

    private static Datasets.Split withFiles(String testLabelsHash) {
        Map<DatasetKind.Part, String> hashes = new java.util.EnumMap<>(DatasetKind.Part.class);
        for (DatasetKind.Part part : DatasetKind.Part.values()) {
            hashes.put(part, DatasetKind.MNIST.officialSha256(part));
        }
        hashes.put(DatasetKind.Part.TEST_LABELS, testLabelsHash);
        return new Datasets.Split(DATA.train(), DATA.test(), new Provenance(DatasetKind.MNIST, hashes));
    }

    @Test
    void aRunRecordsItsDataAndRefusesToContinueOnOtherData() throws Exception {
        Path runDir = dir.resolve("run");
        String official = DatasetKind.MNIST.officialSha256(DatasetKind.Part.TEST_LABELS);
        Trainer.train(CONFIG.withEpochs(1), withFiles(official), runDir, QUIET);
        java.util.Properties written = RunFolder.at(runDir).config();
        assertEquals(official, written.getProperty("data.t10k-labels-idx1-ubyte.sha256"));
        assertEquals("true", written.getProperty("data.official"));
        String other = "0".repeat(64);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.train(CONFIG.withEpochs(2), withFiles(other), runDir, QUIET));
        assertTrue(e.getMessage().contains("data.t10k-labels-idx1-ubyte.sha256: run has " + official + ", asked " + other),
                e.getMessage());
        assertEquals(1, Worklog.read(runDir.resolve(Worklog.FILE)).size(), "the run is left as it was");
    }

    @Test
    void aRunFromBeforeDataWasRecordedIsNotContinuedOnRecordedData() throws Exception {
        Path runDir = dir.resolve("old");
        Trainer.train(CONFIG.withEpochs(1), DATA, runDir, QUIET); // in-memory data: nothing recorded
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.train(CONFIG.withEpochs(2), withFiles(DatasetKind.MNIST.officialSha256(DatasetKind.Part.TEST_LABELS)),
                        runDir, QUIET));
        assertTrue(e.getMessage().contains("was trained before runs recorded their data"), e.getMessage());
    }

    @Test
    void aSphereFaceRecordedBeforeItsDefaultsChangedResumesOnlyWithTheFormerValues() throws Exception {
        Path run = dir.resolve("sphere");
        TrainConfig sphere = new TrainConfig("sphere", DatasetKind.MNIST, "sphereface(m=2)", 2, 1, 16, 1e-2f, 1e-3f, 5, 0, null);
        Trainer.train(sphere, DATA, run, QUIET);
        Path config = run.resolve(RunFolder.CONFIG_FILE);
        assertTrue(Files.readString(config).contains("head=sphereface(m\\=2,lambda_max\\=30000,lambda_min\\=3,lambda_gamma\\=0.2)"),
                Files.readString(config));
        // as the committed open-set runs recorded it, before the defaults changed: the former 1000, 5, 0.2
        Files.writeString(config, Files.readString(config).replaceFirst("head=.*", "head=sphereface(m\\\\=2)"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Trainer.train(sphere, DATA, run, QUIET));
        assertTrue(e.getMessage().contains("holds a different run (head: run has sphereface(m=2), asked sphereface(m=2,lambda_max=30000"),
                e.getMessage());
        assertTrue(Trainer.train(new TrainConfig("sphere", DatasetKind.MNIST, "sphereface(m=2,lambda_min=5,lambda_max=1000)", 2, 1, 16,
                1e-2f, 1e-3f, 5, 0, null), DATA, run, QUIET).finished());
    }
}
