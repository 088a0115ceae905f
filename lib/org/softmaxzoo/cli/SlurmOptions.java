package org.softmaxzoo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softmaxzoo.train.ExperimentName;
import picocli.CommandLine.Option;

/**
 * The {@code grid} options that write (and submit) a Slurm job array instead of training here:
 * one array task per run of the list, see {@link SlurmArray}.
 */
final class SlurmOptions {
    @Option(names = "--slurm", paramLabel = "FILE", description = "Do not train here: write a Slurm job-array script to FILE, one "
            + "array task per run of the list, each the ordinary resumable `train` of its run (a requeued task continues from its "
            + "checkpoint). Jar, data and --out must be on a file system all nodes share.")
    Path script;

    @Option(names = "--submit", description = "With --slurm: also submit the script with sbatch and print the job id")
    boolean submit;

    @Option(names = "--limit", description = "With --slurm: every run trains on the first N training images only (a quick try of a "
            + "cluster; the run names get .limit<N>)")
    Integer limit;

    @Option(names = "--cpus-per-task", defaultValue = "1", description = "With --slurm: cores per task; TensorFlow uses that many "
            + "threads. One core per run gives the most runs per hour (notes/speed.md). Default: ${DEFAULT-VALUE}")
    int cpusPerTask;

    @Option(names = "--mem", defaultValue = "2G", description = "With --slurm: memory per task, Slurm's --mem (a run peaks at about "
            + "1.0 GB resident, notes/cluster.md); 'none' leaves it to the cluster's default. Default: ${DEFAULT-VALUE}")
    String memory;

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "With --slurm: an extra #SBATCH line, repeatable, e.g. "
            + "--sbatch=--partition=long --sbatch=--time=12:00:00")
    List<String> sbatchOptions = new ArrayList<>();

    @Option(names = "--slurm-logs", paramLabel = "DIR", description = "With --slurm: folder of the tasks' logs (<job name>-<task>.log, "
            + "appended to on a requeue) and of 2-d runs' petal figures. Default: <out>/slurm-logs")
    Path logs;

    @Option(names = "--jar", description = "With --slurm: the jar the tasks run. Default: the jar running this command")
    Path jar;

    /** Whether the grid writes a Slurm script rather than training here. */
    boolean requested() {
        return script != null;
    }

    /** Refuses the Slurm-only options in a grid that trains here. */
    void refuseWithoutSlurm() {
        if (submit || limit != null) {
            throw new IllegalArgumentException((submit ? "--submit" : "--limit") + " belongs to --slurm: add --slurm FILE, or leave it out");
        }
    }

    /**
     * Writes the script for {@code experiments} (validated first: a bad name stops it before anything is
     * written), submits it when asked, and prints what it did. {@code searchPath} is where sbatch is looked for.
     */
    int run(List<String> experiments, String source, Path out, Integer epochs, Path dataRoot, String searchPath) {
        experiments.forEach(ExperimentName::parse);
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        Path logDir = logs != null ? logs : out.resolve("slurm-logs");
        String mem = memory.equalsIgnoreCase("none") ? null : memory;
        String jobName = "softmax-zoo-" + baseName(script);
        SlurmArray.Settings s = new SlurmArray.Settings(jobName, jar != null ? jar : runningJar(), dataRoot, out, logDir, epochs, limit,
                cpusPerTask, mem, sbatchOptions);
        String text = SlurmArray.script(experiments, source, s);
        write(text, s);
        System.out.printf("wrote %s: a Slurm job array of %d tasks, one per run; logs in %s%n", script, experiments.size(), s.logs());
        if (submit) {
            String id = Sbatch.submit(script.toAbsolutePath(), searchPath);
            System.out.printf("submitted job array %s (%d tasks); follow with: squeue -j %s%n", id, experiments.size(), id);
        }
        return 0;
    }

    private void write(String text, SlurmArray.Settings s) {
        try {
            if (Files.exists(script) && !Files.readString(script).startsWith("#!/bin/bash\n" + SlurmArray.MARK)) {
                throw new IllegalArgumentException(script + " exists and is not a script written by grid --slurm: choose another file");
            }
            Path parent = script.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Slurm does not create the folder of --output: a task whose log folder is missing fails without a word.
            Files.createDirectories(s.logs());
            Files.createDirectories(s.out());
            Files.writeString(script, text);
            script.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(script + ": cannot write the Slurm script (" + e.getMessage() + ")", e);
        }
    }

    /** The file name without its extension, as a job name: "grid" for grid.sbatch. */
    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
        return base.isEmpty() ? "grid" : base;
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(SlurmOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--slurm needs the jar the tasks run and this command does not run from one: "
                + "add --jar target/softmax-zoo.jar (mvn -B -q package -DskipTests builds it)");
    }
}
