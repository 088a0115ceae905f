package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.plot.ReferenceScatter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Which rows a basis admits to the scatter and which are pending. */
class ReferenceVsOursTest {
    @TempDir
    Path runs;

    @Test
    void rowsOnEachBasisAndThePendingOnes() {
        String p = "mnist.softmax.weight_decay1e-3.feature2";
        Table t = Table.create("mnist", StringColumn.create("experiment", p + ".normface.scale1", p + ".normface.scale5", p + ".normface.scale10"),
                DoubleColumn.create("ref_best_acc", 0.8841, 0.9761, 0.9805),
                IntColumn.create("ref_best_epoch", 28, 30, 30),
                DoubleColumn.create("our_best_acc", 0.8863, 0.95, Double.NaN),
                IntColumn.create("our_best_epoch", 13, 9, 0),
                IntColumn.create("epochs_run", 40, 10, 0),
                DoubleColumn.create("difference", 0.0022, -0.0261, Double.NaN),
                DoubleColumn.create(ResultsSummary.Basis.FIRST_STAGE.column, 0.8788, 0.95, Double.NaN));
        ResultsSummary.Summary s = new ResultsSummary.Summary("mnist", t, 1, null, null, List.of());
        ReferenceScatter.Series protocol = ReferenceVsOurs.series(s, ResultsSummary.Basis.PROTOCOL, runs);
        assertEquals(1, protocol.points().size());
        assertEquals(0.8841, protocol.points().get(0).reference());
        assertEquals(0.8863, protocol.points().get(0).ours());
        assertEquals(true, Double.isNaN(protocol.points().get(0).low()), "one seed: no range");
        ReferenceScatter.Series first = ReferenceVsOurs.series(s, ResultsSummary.Basis.FIRST_STAGE, runs);
        assertEquals(List.of(0.8788, 0.95), first.points().stream().map(ReferenceScatter.Point::ours).toList());
        assertEquals(List.of("normface.scale5 (10 epochs)", "normface.scale10 (0 epochs)"),
                ReferenceVsOurs.pending(s, ResultsSummary.Basis.PROTOCOL));
    }
}
