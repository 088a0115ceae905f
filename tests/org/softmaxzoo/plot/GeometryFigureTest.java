package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.eval.EmbeddingGeometry;

class GeometryFigureTest {

    @Test
    void everyMeasuredSetHasItsLegendEntriesAndClassesWithoutValuesAreLeftOut() {
        // Seen: class 0 at 0 and 26.57 degrees, class 1 at 90 and 108.43, weights at 0 and 90 degrees.
        // Same class: 26.57 and 18.43 -> mean 22.5; different: 90, 108.43, 63.43, 81.87 -> mean 85.93.
        // Unseen: class 2 at 45 and 26.57 (18.43 apart), class 3 at -90: 135 and 116.57 -> mean 125.78; no weights.
        Map<String, EmbeddingGeometry> sets = new LinkedHashMap<>();
        sets.put("seen", EmbeddingGeometry.of(new float[] {1, 0, 2, 1, 0, 1, -1, 3}, 2, new int[] {0, 0, 1, 1},
                new float[] {1, 0, 0, 1}, 2));
        sets.put("unseen", EmbeddingGeometry.of(new float[] {1, 1, 2, 1, 0, -1}, 2, new int[] {2, 2, 3}, null, 4));
        assertEquals(List.of("seen, same class (mean 22.5 deg)", "seen, different classes (mean 85.9 deg)",
                "unseen, same class (mean 18.4 deg)", "unseen, different classes (mean 125.8 deg)"),
                List.copyOf(GeometryFigure.pairAngles(sets).getSeriesMap().keySet()));
        // Per class: the seen set's spread and weight angle, the unseen set's spread only (no weights).
        var perClass = GeometryFigure.perClass(sets).getSeriesMap();
        assertEquals(3, perClass.size());
        double[] unseenClasses = perClass.values().stream().skip(2).findFirst().orElseThrow().getXData();
        assertEquals(List.of(2.0, 3.0), java.util.Arrays.stream(unseenClasses).boxed().toList());
        BufferedImage image = GeometryFigure.render("Geometry of a run", sets);
        assertEquals(3 * 640, image.getWidth());
        assertEquals(480 + 36, image.getHeight());
    }
}
