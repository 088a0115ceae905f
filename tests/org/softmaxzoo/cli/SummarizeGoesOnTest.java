package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.testing.Worklogs;
import org.softmaxzoo.train.Worklog;

/** One unreadable worklog is reported by name; summarize still writes the tables from the others and exits non-zero. */
class SummarizeGoesOnTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedWorklogIsReportedAndTheOthersAreSummarized() throws Exception {
        String base = "mnist.softmax.weight_decay1e-3.feature2";
        Path runs = dir.resolve("runs");
        Worklogs.curve(runs, base, 0.95, 0.97);
        Worklogs.curve(runs, base + ".normface.scale1", 0.80, 0.85);
        Path torn = runs.resolve(base + ".normface.scale1").resolve(Worklog.FILE);
        String text = Files.readString(torn);
        Files.writeString(torn, text.substring(0, text.length() - 12)); // the last row cut mid-way
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true));
            System.setErr(new PrintStream(errors, true));
            code = Main.commandLine().execute("summarize", "--runs", runs.toString(), "--out", dir.resolve("out").toString(),
                    "--figures", dir.resolve("fig").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(1, code, errors.toString());
        assertTrue(errors.toString().startsWith("error: " + torn + ":3: "), errors.toString());
        String table = Files.readString(dir.resolve("out").resolve("mnist-results.csv"));
        assertTrue(table.lines().anyMatch(l -> l.startsWith(base + ",") && l.contains("0.97")), table);
    }
}
