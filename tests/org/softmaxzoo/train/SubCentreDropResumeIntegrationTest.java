package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.heads.catalog.SubCenterArcFace;
import org.softmaxzoo.testing.TestData;

/**
 * Sub-center ArcFace with {@code drop_epoch=1} on 400 real MNIST images: the checkpoint of epoch 1 keeps
 * one sub-centre per class, and a run killed in epoch 2 resumes with the drop in place, to the same
 * numbers and variables as an uninterrupted run.
 */
@Tag("integration")
class SubCentreDropResumeIntegrationTest {
    private static final int K = 3;
    private static final TrainConfig CONFIG = TrainConfig.of(DatasetKind.MNIST, "subcenter(s=10,m=0.5,k=3,drop_epoch=1)")
            .withEpochs(3).withTrainLimit(400);

    @TempDir
    Path dir;

    /** Stands in for a process killed at a step. */
    private static final class Kill extends RuntimeException {
    }

    private static final Trainer.Listener QUIET = new Trainer.Listener() {
    };

    private static Map<String, float[]> checkpoint(Path run) {
        return Checkpoint.read(run.resolve(Checkpoint.FILE)).values();
    }

    /** Exactly one kept (1) sub-centre per class, the rest 0; column k C + c. */
    private static void assertOneKeptPerClass(float[] mask, String when) {
        int classes = mask.length / K;
        for (int c = 0; c < classes; c++) {
            int kept = 0;
            for (int k = 0; k < K; k++) {
                float v = mask[k * classes + c];
                assertEquals(true, v == 0 || v == 1, when + ": mask value " + v);
                kept += (int) v;
            }
            assertEquals(1, kept, when + ": class " + c + " keeps " + kept + " sub-centres");
        }
    }

    @Test
    void aRunKilledAfterTheDropResumesWithItAndEndsAsAnUninterruptedOne() {
        Datasets.Split mnist = new Datasets(TestData.root()).load(DatasetKind.MNIST);
        Datasets.Split data = new Datasets.Split(mnist.train(), mnist.test().limit(500));
        RunResult uninterrupted = Trainer.train(CONFIG, data, dir.resolve("a"), QUIET);

        Path cut = dir.resolve("b");
        assertThrows(Kill.class, () -> Trainer.train(CONFIG, data, cut, new Trainer.Listener() {
            @Override
            public void step(int epoch, int step, int steps) {
                if (epoch == 2 && step == 3) {
                    throw new Kill();
                }
            }
        }));
        assertEquals(1, Checkpoint.read(cut.resolve(Checkpoint.FILE)).epoch());
        float[] dropped = checkpoint(cut).get(SubCenterArcFace.MASK);
        assertEquals(K * 10, dropped.length);
        assertOneKeptPerClass(dropped, "checkpoint of epoch 1");

        RunResult resumed = Trainer.train(CONFIG, data, cut, QUIET);
        assertArrayEquals(dropped, checkpoint(cut).get(SubCenterArcFace.MASK), "the resumed run keeps epoch 1's drop");
        assertEquals(uninterrupted.records().size(), resumed.records().size());
        for (int i = 0; i < resumed.records().size(); i++) {
            EpochRecord x = uninterrupted.records().get(i);
            EpochRecord y = resumed.records().get(i);
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0, "train loss of epoch " + x.epoch());
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0, "test accuracy of epoch " + x.epoch());
        }
        Map<String, float[]> a = checkpoint(dir.resolve("a"));
        Map<String, float[]> b = checkpoint(cut);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, v) -> assertArrayEquals(v, b.get(name), name));
        System.out.printf("drop after epoch 1: test accuracy %s%n",
                resumed.records().stream().map(r -> String.format("%.4f", r.testAccuracy())).toList());
    }
}
