package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.softmaxzoo.train.GridRunner;
import picocli.CommandLine.Option;

/** When a long command (grid, verify) stops early, always after a whole epoch: a time budget or a stop file. */
final class StopOptions {
    @Option(names = "--budget-minutes", description = "Stop cleanly after the epoch that passes this many minutes")
    Double budgetMinutes;

    @Option(names = "--stop-file", description = "Stop cleanly after the current epoch once this file exists (touch it to stop "
            + "processes running in the background; it must not exist at the start); the same command continues")
    Path stopFile;

    boolean given() {
        return budgetMinutes != null || stopFile != null;
    }

    /** The stop rule, after checking the budget is a number of minutes and no stop file is left from an earlier stop. */
    GridRunner.StopWhen stopWhen() {
        if (budgetMinutes != null && !(budgetMinutes > 0 && budgetMinutes < 1e9)) {
            throw new IllegalArgumentException("--budget-minutes must be a positive number of minutes, got " + budgetMinutes);
        }
        return new GridRunner.StopWhen(budgetMinutes == null ? null : Duration.ofSeconds((long) (budgetMinutes * 60)), stopFile)
                .requireNoLeftoverStopFile();
    }
}
