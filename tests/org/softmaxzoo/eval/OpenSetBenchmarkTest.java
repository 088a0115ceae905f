package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.testing.SyntheticImages;
import org.softmaxzoo.train.Checkpoint;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunResult;
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
        // Retrieval over the unseen test images and the geometry, measured on the same features.
        Retrieval unseen = r.unseen().retrieval();
        assertTrue(unseen.precisionAt1() >= 0 && unseen.precisionAt1() <= 1 && unseen.mapAtR() <= unseen.rPrecision() + 1e-12,
                "MAP@R is at most R-precision: " + unseen);
        assertEquals(r.geometry().seen().summary(), r.seen().geometry());
        assertTrue(r.seen().geometry().minWeightAngle() > 0, "the seen classes' weights: " + r.seen().geometry());
        assertTrue(Double.isNaN(r.unseen().geometry().minWeightAngle()), "unseen classes have no weights");
        List<Path> files = OpenSetReport.write(List.of(r), dir.resolve("out"), dir.resolve("out"), "openset");
        assertEquals(5, files.size(), "tables (csv, md, pairs csv), AUC chart, ROC figure: " + files);
        assertEquals("openset-unseen-auc.png", files.get(3).getFileName().toString());
        assertTrue(files.get(3).toFile().length() > 0, files.get(3).toString());
        assertTrue(files.get(4).getFileName().toString().startsWith("openset-roc-"), files.get(4).toString());
        Path geometry = OpenSetReport.geometryFigure(r, dir.resolve("out"), "openset");
        assertTrue(geometry.getFileName().toString().startsWith("openset-geometry-openset") && geometry.toFile().length() > 0, geometry.toString());
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
        assertEquals(r.unseen().retrieval().mapAtR(), again.unseen().retrieval().mapAtR(), 1e-6);
        assertEquals(r.seen().retrieval().precisionAt1(), again.seen().retrieval().precisionAt1(), 1e-6);
        assertEquals(r.seen().retrieval().queries(), again.seen().retrieval().queries());
        assertEquals(r.seen().geometry().minWeightAngle(), again.seen().geometry().minWeightAngle(), 1e-4);
        assertNull(again.geometry(), "no features without a checkpoint");
        // The folder read back without data: the run's configuration, epochs and metrics.
        List<OpenSetBenchmark.Result> saved = OpenSetBenchmark.saved(dir);
        assertEquals(1, saved.size());
        assertEquals(3, saved.get(0).config().seed());
        assertEquals(4, saved.get(0).run().last().epoch());
        assertEquals("normface(s=10)", saved.get(0).config().head());
        assertEquals(r.unseen().auc(), saved.get(0).unseen().auc(), 1e-6);
        assertEquals(r.seen().retrieval().mapAtR(), saved.get(0).seen().retrieval().mapAtR(), 1e-6);
    }

    @Test
    void aMetricsFileFromBeforeRetrievalReadsWithThoseNumbersMissing() throws Exception {
        // The committed runs' format: set,auc,eer,tar_at_far1e-3,far,tar (two ROC points per set here).
        Path run = Files.createDirectories(dir.resolve("old-run"));
        Files.writeString(run.resolve(MetricsFile.FILE), """
                set,auc,eer,tar_at_far1e-3,far,tar
                unseen,0.840771,0.241600,0.025500,1.00000e-05,0.000550
                unseen,0.840771,0.241600,0.025500,1.00000,1.000000
                seen,0.990000,0.050000,0.700000,1.00000e-05,0.300000
                seen,0.990000,0.050000,0.700000,1.00000,1.000000
                """);
        OpenSetBenchmark.Metrics[] m = MetricsFile.read(RunFolder.at(run));
        assertEquals(0.840771, m[0].auc(), 0);
        assertEquals(0.05, m[1].equalErrorRate(), 0);
        assertEquals(0.3, m[1].roc().tarAtFar(1e-5), 0);
        assertTrue(Double.isNaN(m[0].retrieval().precisionAt1()) && Double.isNaN(m[0].retrieval().mapAtR()));
        assertTrue(Double.isNaN(m[1].geometry().meanSpread()));
        // In the table: empty CSV cells, "missing" in Markdown.
        TrainConfig config = new TrainConfig("old-run", DatasetKind.MNIST, "softmax", 4, 4, 16, 1e-2f, 1e-3f, 1, 0, null);
        RunResult result = new RunResult(config, dir, List.of(EpochRecord.after(null, 1, 0.5, 0.9, 0.8, 1.0, 100)));
        OpenSetReport.write(List.of(new OpenSetBenchmark.Result(config, result, m[0], m[1], null)), dir, dir, "old");
        String md = Files.readString(dir.resolve("old.md"));
        assertTrue(md.contains("| 0.8408 | 0.2416 | 0.0255 | missing | missing | missing | 0.9900 |"), md);
        List<String> csv = Files.readAllLines(dir.resolve("old.csv"));
        assertTrue(csv.get(0).contains("unseen_p_at_1_mean"), csv.get(0));
        // TAR mean 0.0255 (one seed: no std), then P@1, R-precision, MAP@R missing (mean and std each), then seen AUC 0.99.
        assertTrue(csv.get(1).contains("0.0255,,,,,,,,0.9900,"), csv.get(1));
    }

    @Test
    void runsOfAListOfHeadsAreFoundByTheirNamesWhateverTheirRecordSpellsOut() {
        // As verify names them, and as a record reads back: the head's schedule defaults spelled out, the name kept.
        String sphereName = "mnist.sphereface-m4.weight_decay1e-3.feature2.seed2.classes0-7";
        assertEquals(sphereName, OpenSetBenchmark.config(DatasetKind.MNIST, "sphereface(m=4)", 2, 2).name());
        TrainConfig sphere = new TrainConfig(sphereName, DatasetKind.MNIST, "sphereface(m=4,lambda_max=30000,lambda_min=3,lambda_gamma=0.2)",
                2, 10, 64, 1e-3f, 1e-3f, 2, 0, null);
        TrainConfig softmax64 = OpenSetBenchmark.config(DatasetKind.FASHION_MNIST, "softmax", 64, 1);
        assertEquals("fashion_mnist.softmax.weight_decay1e-3.feature64.classes0-7", softmax64.name());
        TrainConfig cosface = OpenSetBenchmark.config(DatasetKind.MNIST, "cosface(s=10,m=0.2)", 2, 1);
        TrainConfig otherMargin = OpenSetBenchmark.config(DatasetKind.MNIST, "cosface(s=10,m=0.35)", 2, 1);
        List<OpenSetBenchmark.Result> all = java.util.stream.Stream.of(sphere, softmax64, cosface, otherMargin)
                .map(c -> new OpenSetBenchmark.Result(c, null, null, null, null)).toList();
        List<TrainConfig> found = OpenSetBenchmark.ofHeads(all, List.of("softmax", "sphereface(m=4)", "cosface(s=10,m=0.2)"))
                .stream().map(OpenSetBenchmark.Result::config).toList();
        assertEquals(List.of(sphere, softmax64, cosface), found);
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
