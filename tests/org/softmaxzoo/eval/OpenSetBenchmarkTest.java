package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.testing.SyntheticImages;
import org.softmaxzoo.train.Checkpoint;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;

class OpenSetBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnSeenClassesAndScoresPairsOfUnseenOnes() {
        TrainConfig config = new TrainConfig("openset", DatasetKind.MNIST, "normface(s=10)", 4, 4, 16, 1e-2f, 1e-3f, 3, 0, null);
        OpenSetBenchmark.Result r = OpenSetBenchmark.run(config, SyntheticImages.split(240, 120, 5), 3, 200, dir, new Trainer.Listener() {
        });
        assertTrue(r.seen().auc() > 0.9, "seen classes are separated: " + r.seen().auc());
        assertTrue(r.unseen().auc() >= 0 && r.unseen().auc() <= 1, "unseen AUC " + r.unseen().auc() + " run " + r.run().records());
        assertEquals(r.unseen().roc().tarAtFar(1e-3), r.unseen().tarAtFar1e3(), 0);
        List<Path> files = OpenSetReport.write(List.of(r), dir.resolve("out"), dir.resolve("out"), "openset");
        assertEquals(3, files.size());
        // A committed run has its worklog and metrics but no checkpoint: the numbers come back without training.
        assertTrue(dir.resolve("openset").resolve(Checkpoint.FILE).toFile().delete());
        OpenSetBenchmark.Result again = OpenSetBenchmark.run(config, SyntheticImages.split(240, 120, 5), 3, 200, dir,
                new Trainer.Listener() {
                    @Override
                    public void step(int epoch, int step, int steps) {
                        throw new AssertionError("must not train again");
                    }
                });
        assertEquals(r.unseen().auc(), again.unseen().auc(), 1e-6);
        assertEquals(r.seen().equalErrorRate(), again.seen().equalErrorRate(), 1e-6);
        assertEquals(r.unseen().tarAtFar1e3(), again.unseen().tarAtFar1e3(), 1e-6);
        assertEquals(r.unseen().roc().tarAtFar(0.01), again.unseen().roc().tarAtFar(0.01), 1e-6);
    }

    @Test
    void pairSamplerGivesTheAskedMixOfPairs() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2};
        PairSampler.Pairs p = PairSampler.sample(labels, 50, 1);
        int same = 0;
        for (int k = 0; k < p.same().length; k++) {
            assertTrue(p.first()[k] != p.second()[k]);
            assertEquals(labels[p.first()[k]] == labels[p.second()[k]], p.same()[k]);
            same += p.same()[k] ? 1 : 0;
        }
        assertEquals(50, same);
        assertEquals(100, p.same().length);
        // Cosine of (1, 0) and (1, 1).
        assertEquals(Math.sqrt(0.5), PairSampler.cosineScores(new float[] {1, 0, 1, 1}, 2,
                new PairSampler.Pairs(new int[] {0}, new int[] {1}, new boolean[] {false}))[0], 1e-6);
    }
}
