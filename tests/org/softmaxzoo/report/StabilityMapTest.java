package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.plot.HeatMap;
import org.softmaxzoo.testing.Worklogs;

/** The stability map from synthetic worklogs: cells, collapses, the CSV, the heat map, and its rules ({@link StabilityRules}). */
class StabilityMapTest {
    @TempDir
    Path dir;

    private static final String COS = "mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale";

    /** A 3-epoch run whose best is {@code best} (at epoch 2). */
    private void run(String name, double best) {
        Worklogs.curve(dir, name, best - 0.2, best, best - 0.1);
    }

    private List<StabilityMap.Map2> sweep() throws Exception {
        // m in {0, 0.2, 0.5} against s in {1, 4, 16}: nine cells.
        Files.writeString(dir.resolve(StabilityMap.SWEEP), "# test\n" + COS + "{1,4,16}.margin{0,0.2,0.5}\n");
        return StabilityMap.read(dir);
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void cellsCollapsesTheCsvAndTheRuleOfThumb() throws Exception {
        assertEquals(List.of(), sweep(), "no runs: no map");
        // s = 1: m = 0 trains (0.60, 0.70), m = 0.2 collapses on seed 2 (0.90, 0.20).
        run(COS + "1.margin0", 0.60);
        run(COS + "1.margin0.seed2", 0.70);
        run(COS + "1.margin0.2", 0.90);
        run(COS + "1.margin0.2.seed2", 0.20);
        // s = 4: m = 0 and 0.2 train on both seeds, m = 0.5 has one seed only.
        for (String m : List.of("0", "0.2")) {
            run(COS + "4.margin" + m, 0.95);
            run(COS + "4.margin" + m + ".seed2", 0.97);
        }
        run(COS + "4.margin0.5", 0.96);
        // s = 16: everything trains on both seeds, except m = 0.5's seed 2 cut after 2 epochs (does not count yet).
        for (String m : List.of("0", "0.2", "0.5")) {
            run(COS + "16.margin" + m, 0.98);
            run(COS + "16.margin" + m + ".seed2", 0.98);
        }
        Worklogs.curve(dir, COS + "16.margin0.5.seed2", 0.5, 0.6);
        StabilityMap.Map2 map = sweep().get(0);
        assertEquals("cosface", map.head());
        assertEquals(List.of(1L, 2L), map.seeds());
        StabilityMap.Cell bad = map.cell(new BigDecimal("0.2"), new BigDecimal("1"));
        assertEquals(1, bad.collapsed());
        assertEquals(0.55, bad.accuracies().mean(), 1e-12);
        // std of 0.90, 0.20: sqrt(0.35^2 x 2 / 1) = 0.4950
        String csv = StabilityMap.csv(map);
        assertTrue(csv.contains("cosface,0.2,1,\"1,2\",2,0.5500,0.4950,1\n"), csv);
        assertTrue(csv.contains("cosface,0,1,\"1,2\",2,0.6500,0.0707,0\n"), csv);
        assertTrue(csv.contains("cosface,0.5,1,\"\",0,,,\n"), csv);
        assertTrue(csv.contains("cosface,0.5,16,\"1\",1,0.9800,,0\n"), csv);
        assertEquals(10, csv.lines().count(), "header and every cell of the sweep");

        // m up to 0: s = 1, 4 and 16; up to 0.2: s = 4 and 16 (s = 1 collapsed once); up to 0.5: nowhere on both seeds
        // (s = 4 has one seed of m = 0.5, s = 16's seed 2 is cut), at s = 4 and 16 on one seed.
        assertEquals(decimals("1", "4", "16"), StabilityRules.scalesTrainingAll(map, BigDecimal.ZERO, 2));
        assertEquals(decimals("4", "16"), StabilityRules.scalesTrainingAll(map, new BigDecimal("0.2"), 2));
        assertEquals(List.of(), StabilityRules.scalesTrainingAll(map, new BigDecimal("0.5"), 2));
        assertEquals(decimals("4", "16"), StabilityRules.scalesTrainingAll(map, new BigDecimal("0.5"), 1));
        assertEquals("cosface trains on all 2 seeds with every margin up to 0.2 at s = 4, 16, not at s = 1; "
                + "no scale trains all margins up to 0.5 so far", StabilityRules.ruleOfThumb(map));
        // Eight cells run, s = 1's m = 0.2 collapsed once; 0.98 at s = 16 for m = 0 and 0.2 (the first in sweep order
        // wins the tie); m = 0.5 at s = 4 and 16 has 0.96 and 0.98 on one seed only and does not count.
        assertEquals(new BigDecimal("16"), StabilityRules.bestCell(map).scale());
        // Within 2 points of 0.98 (inclusive): s = 4's 0.96 and s = 16's 0.98 for m = 0 and 0.2.
        assertEquals("1 of 8 cells run had a seed collapse; highest mean 0.9800 at m = 0, s = 16; within 2 points of it: "
                + "s = 4: m = 0, 0.2; s = 16: m = 0, 0.2", StabilityRules.collapsesAndBest(map));
        assertEquals("s = 1: m = 0; s = 4: m = 0, 0.2; s = 16: m = 0, 0.2", StabilityRules.nearBest(map, 0.6));
        // Seed 2 of m = 0.5 at s = 16 finishes: now every margin trains at s = 16.
        run(COS + "16.margin0.5.seed2", 0.98);
        // s = 4 has not collapsed but waits for m = 0.5's seed 2: not yet run, rather than "not at".
        assertEquals("cosface trains on all 2 seeds with every margin of the sweep at s = 16, not at s = 1, not yet run on every seed at s = 4",
                StabilityRules.ruleOfThumb(sweep().get(0)));
        // A large scale that collapses where a smaller one trains is named, not hidden behind "from s = 4 on".
        run(COS + "16.margin0.seed2", 0.30);
        // Seed 2 of m = 0 at s = 16 now collapses: up to 0.2 only s = 4 trains (s = 1's m = 0.2 collapsed before).
        assertEquals("cosface trains on all 2 seeds with every margin up to 0.2 at s = 4, not at s = 1, 16; "
                + "no scale trains all margins up to 0.5 so far", StabilityRules.ruleOfThumb(sweep().get(0)));
        // s = 4's m = 0.5 collapses on seed 2: now no scale can train all margins up to 0.5, whatever runs remain.
        run(COS + "4.margin0.5.seed2", 0.40);
        assertEquals("cosface trains on all 2 seeds with every margin up to 0.2 at s = 4, not at s = 1, 16; "
                + "no scale trains all margins up to 0.5", StabilityRules.ruleOfThumb(sweep().get(0)));
        // s = 16's m = 0 now has mean 0.64 and s = 4's m = 0.5 0.68; 0.98 remains for m = 0.2 and 0.5 at s = 16.
        assertEquals("3 of 8 cells run had a seed collapse; highest mean 0.9800 at m = 0.2, s = 16; within 2 points of it: "
                + "s = 4: m = 0, 0.2; s = 16: m = 0.2, 0.5",
                StabilityRules.collapsesAndBest(sweep().get(0)));
    }

    @Test
    void theHeatMapColoursCellsCrossesCollapsesAndGreysMissingOnes() throws Exception {
        run(COS + "1.margin0.2", 0.90);
        run(COS + "1.margin0.2.seed2", 0.20);
        run(COS + "16.margin0", 0.98);
        StabilityMap.Map2 map = sweep().get(0);
        BufferedImage img = StabilityMap.figure(map);
        // Layout of HeatMap.render: cells 64 px from x = 90, y = 60, rows bottom-up (m = 0 at the bottom of three rows).
        // Colours span the map's range rounded out to 0.05: means 0.55 and 0.98 give [0.55, 1.00], so the lowest cell
        // takes the ramp's first colour.
        // (m = 0, s = 16): column 2, row 0 -> drawn at y = 60 + 2 x 64; a pixel off its text and diagonals.
        assertEquals(HeatMap.colour(0.98, 0.55, 1.0).getRGB(), img.getRGB(90 + 2 * 64 + 32, 60 + 2 * 64 + 6));
        // (m = 0.5, s = 1): no run, grey.
        assertEquals(HeatMap.NO_VALUE.getRGB(), img.getRGB(90 + 32, 60 + 6));
        // (m = 0.2, s = 1): mean 0.55, crossed: the diagonal's pixel is ink, not the cell's colour.
        int x = 90 + 20;
        int y = 60 + 64 + 20;
        assertTrue(img.getRGB(x, y) != new Color(68, 1, 84).getRGB(), "the x over the collapsed cell");
        assertEquals(new Color(68, 1, 84).getRGB(), img.getRGB(90 + 32, 60 + 64 + 6));
        // The ramp's ends.
        assertEquals(new Color(68, 1, 84), HeatMap.colour(0, 0, 1));
        assertEquals(new Color(253, 231, 37), HeatMap.colour(1.5, 0, 1));
        assertTrue(StabilityMap.title(map).endsWith("mnist, cosface, d = 2, network three-block, 3 epochs, seeds 1,2: mean best test accuracy "
                + "(x: a seed collapsed; grey: no run yet)"), StabilityMap.title(map));
        // summarize's files: stability.md with the rule, the CSV, the figure.
        List<Path> written = StabilityMap.write(dir, dir.resolve("out"), dir.resolve("fig"));
        assertEquals(List.of(dir.resolve("out/stability.md"), dir.resolve("out/stability-mnist-cosface-d2.csv"),
                dir.resolve("fig/stability-mnist-cosface-d2.png")), written);
        assertTrue(Files.readString(written.get(0)).contains("- **mnist, cosface, d = 2** (`stability-mnist-cosface-d2`, 2 of 9 cells run): "
                + "no scale trains cosface with m = 0 on all 2 seeds so far; 1 of 2 cells run had a seed collapse; highest mean 0.5500 at m = 0.2, s = 1; "
                + "within 2 points of it: s = 1: m = 0.2."),
                Files.readString(written.get(0)));
    }

    @Test
    void aCompleteMapNamesNoGreyAndMayTrainEverywhere() throws Exception {
        for (String s : List.of("1", "4", "16")) {
            for (String m : List.of("0", "0.2", "0.5")) {
                run(COS + s + ".margin" + m, 0.9);
            }
        }
        StabilityMap.Map2 map = sweep().get(0);
        assertTrue(StabilityMap.title(map).endsWith("seeds 1: mean best test accuracy (x: a seed collapsed)"), StabilityMap.title(map));
        assertEquals("cosface trains on its one seed with every margin of the sweep at every scale of the sweep", StabilityRules.ruleOfThumb(map));
        assertEquals("s = 1: every margin; s = 4: every margin; s = 16: every margin", StabilityRules.nearBest(map, 0.9));
    }
}
