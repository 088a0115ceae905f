package org.softmaxzoo.train;

import java.util.List;

/**
 * Where a run resumes, and the refusal when its worklog and checkpoint do not fit together. Results
 * are append-only: an unfinished run is continued only from a checkpoint that ends where its worklog
 * ends (or one epoch before, the window between writing a row and its checkpoint), never trained over.
 */
final class ResumePoint {
    private ResumePoint() {
    }

    /** The epoch to continue after (0: from scratch), given the checkpoint (or null) and the worklog's rows. */
    static int epoch(RunFolder folder, Checkpoint checkpoint, List<EpochRecord> logged) {
        int lastLogged = logged.isEmpty() ? 0 : logged.get(logged.size() - 1).epoch();
        int saved = checkpoint == null ? 0 : checkpoint.epoch();
        if (checkpoint == null && lastLogged > 1) {
            throw new IllegalStateException(folder + ": " + Worklog.FILE + " holds epochs 1-" + lastLogged + " but there is no "
                    + Checkpoint.FILE + " to continue from (finished runs keep only their worklog); ask for at most "
                    + lastLogged + " epochs to read the result as it is, or train it again from scratch with "
                    + "`train ... --restart` (it keeps the old worklog as a .bak file)");
        }
        if (saved > lastLogged) {
            throw new CheckpointException(folder.checkpointFile() + ": checkpoint of epoch " + saved + " but "
                    + Worklog.FILE + " ends at epoch " + lastLogged + ": they do not belong together; " + Checkpoint.ADVICE);
        }
        if (lastLogged > saved + 1) {
            throw new CheckpointException(folder.checkpointFile() + ": checkpoint of epoch " + saved + " but "
                    + Worklog.FILE + " goes on to epoch " + lastLogged + " (an older checkpoint put back?); " + Checkpoint.ADVICE);
        }
        return saved;
    }
}
