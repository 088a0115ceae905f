package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a Slurm job-array script for a grid: array task {@code i} (1 to n) trains the i-th run
 * of the list with the ordinary {@code train} command, which resumes a run from its checkpoint. So a
 * task that is preempted, requeued or submitted again continues where it stopped, and a finished run
 * is not trained twice. Every path is made absolute: the tasks run on other machines, which must see
 * the same file system (jar, data root, runs folder).
 */
final class SlurmArray {
    /** First line of every script written here; a file starting otherwise is not overwritten. */
    static final String MARK = "# Written by softmax-zoo grid --slurm";

    /**
     * What every task shares. {@code epochs} and {@code limit} are null for train's defaults; {@code memory}
     * is Slurm's {@code --mem} per task (e.g. 2G); {@code sbatchOptions} are extra {@code #SBATCH} options.
     */
    record Settings(String jobName, Path jar, Path data, Path out, Path logs, Integer epochs, Integer limit, int cpusPerTask,
                    String memory, List<String> sbatchOptions) {
        Settings {
            jar = jar.toAbsolutePath().normalize();
            data = data.toAbsolutePath().normalize();
            out = out.toAbsolutePath().normalize();
            logs = logs.toAbsolutePath().normalize();
            sbatchOptions = List.copyOf(sbatchOptions);
            if (cpusPerTask < 1) {
                throw new IllegalArgumentException("--cpus-per-task must be at least 1, got " + cpusPerTask);
            }
        }
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private SlurmArray() {
    }

    /** The script for the runs of {@code experiments}, in order; {@code source} says where the list came from. */
    static String script(List<String> experiments, String source, Settings s) {
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("the grid's list is empty: nothing to put in a job array");
        }
        int n = experiments.size();
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append(MARK).append(" from ").append(source).append(" (").append(n).append(n == 1 ? " run" : " runs").append(").\n");
        b.append("# Array task i (1-").append(n).append(") trains run i of the list with the ordinary, resumable `train`:\n");
        b.append("# a preempted or requeued task, or the script submitted again, continues each run from its checkpoint\n");
        b.append("# and skips finished runs. Jar, data and runs folder must be on a file system every node sees.\n");
        b.append("# Submit: sbatch <this file>; follow: squeue --me; ");
        b.append("afterwards: java -jar ").append(quote(s.jar().toString())).append(" summarize --runs ").append(quote(s.out().toString()))
                .append(" --out <tables folder> --figures <charts folder>\n");
        b.append("#SBATCH --job-name=").append(s.jobName()).append('\n');
        b.append("#SBATCH --array=1-").append(n).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=").append(s.cpusPerTask()).append('\n');
        if (s.memory() != null) {
            b.append("#SBATCH --mem=").append(s.memory()).append('\n');
        }
        b.append("#SBATCH --requeue\n");
        b.append("#SBATCH --open-mode=append\n");
        b.append("#SBATCH --output=").append(s.logs().resolve("%x-%a.log")).append('\n');
        for (String o : s.sbatchOptions()) {
            b.append("#SBATCH ").append(o).append('\n');
        }
        b.append("set -euo pipefail\n\n");
        b.append("case \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\" in\n");
        for (int i = 0; i < n; i++) {
            b.append("  ").append(i + 1).append(") experiment=").append(quote(experiments.get(i))).append(" ;;\n");
        }
        b.append("  *) echo \"array task $SLURM_ARRAY_TASK_ID: the list has ").append(n).append(" runs\" >&2; exit 2 ;;\n");
        b.append("esac\n\n");
        b.append("# oneDNN's kernels on (TensorFlow reads this once, at load); TensorFlow and the JVM use the task's cores only.\n");
        b.append("export TF_ENABLE_ONEDNN_OPTS=1\n");
        b.append("cores=${SLURM_CPUS_PER_TASK:-").append(s.cpusPerTask()).append("}\n");
        b.append("echo \"task $SLURM_ARRAY_TASK_ID (restart ${SLURM_RESTART_COUNT:-0}) on $(hostname) at $(date -Is): $experiment\"\n");
        b.append("# The JVM's heap gets half the task's memory: TensorFlow's own memory lies outside the heap.\n");
        b.append("heap=()\n");
        b.append("if [ \"${SLURM_MEM_PER_NODE:-0}\" -gt 0 ]; then heap=(\"-Xmx$((SLURM_MEM_PER_NODE / 2))m\"); fi\n");
        b.append("exec java \"${heap[@]}\" -XX:ActiveProcessorCount=\"$cores\" -Dsoftmaxzoo.intra=\"$cores\" -jar ").append(quote(s.jar().toString()))
                .append(" \\\n    train --experiment \"$experiment\" ")
                .append(String.join(" ", sharedTrainArguments(s).stream().map(SlurmArray::quote).toList())).append('\n');
        return b.toString();
    }

    /** The {@code train} arguments after the experiment's name, the same for every task. */
    static List<String> sharedTrainArguments(Settings s) {
        List<String> a = new ArrayList<>();
        if (s.epochs() != null) {
            a.addAll(List.of("--epochs", Integer.toString(s.epochs())));
        }
        if (s.limit() != null) {
            a.addAll(List.of("--limit", Integer.toString(s.limit())));
        }
        // The petal figure of a 2-d run goes beside the task's log, not into the submitting checkout's figures/.
        a.addAll(List.of("--out", s.out().toString(), "--data", s.data().toString(), "--figures", s.logs().toString()));
        return a;
    }

    /** A shell word for {@code text}: as it is when it needs no quoting, else in single quotes. */
    static String quote(String text) {
        return SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
