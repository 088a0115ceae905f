package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.testing.SyntheticImages;
import org.softmaxzoo.train.Sweep;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;

/**
 * Every head of the committed leaderboard list trains and is scored end to end at d = 64 (a few steps on synthetic
 * images): the background benchmark runs these for hours, so a head that cannot be scored must fail here first.
 */
class LeaderboardHeadsScoreTest {
    @TempDir
    Path dir;

    static List<String> heads() {
        return Sweep.readList(Notebook.projectDir().resolve("results/runs/leaderboard/heads.txt"));
    }

    @ParameterizedTest
    @MethodSource("heads")
    void scoresAtSixtyFourDimensions(String head) {
        TrainConfig config = new TrainConfig("lb", DatasetKind.MNIST, head, 64, 1, 16, 1e-3f, 1e-3f, 1, 0, null);
        OpenSetBenchmark.Result r = OpenSetBenchmark.run(config, SyntheticImages.split(96, 60, 5), 3, 100, dir, new Trainer.Listener() {
        });
        assertNotNull(r, head + " finished its epoch");
        for (OpenSetBenchmark.Metrics m : List.of(r.seen(), r.unseen())) {
            assertTrue(m.auc() >= 0 && m.auc() <= 1, head + ": AUC " + m.auc());
            assertTrue(m.equalErrorRate() >= 0 && m.equalErrorRate() <= 1, head + ": EER " + m.equalErrorRate());
            assertTrue(m.retrieval().mapAtR() >= 0 && m.retrieval().mapAtR() <= 1, head + ": MAP@R " + m.retrieval().mapAtR());
            assertTrue(Double.isFinite(m.geometry().meanSpread()), head + ": spread " + m.geometry());
        }
        // one d x C weight matrix gives the smallest angle between class weights; K sub-centres per class do not
        double minAngle = r.seen().geometry().minWeightAngle();
        assertEquals(!head.startsWith("subcenter"), Double.isFinite(minAngle) && minAngle > 0, head + ": min weight angle " + minAngle);
    }
}
