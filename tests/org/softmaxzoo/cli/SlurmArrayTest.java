package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Slurm job-array script of {@code grid --slurm}, run under bash with a stand-in java, and {@code --submit}. */
class SlurmArrayTest {
    private static final String A = "mnist.softmax.weight_decay1e-3.feature2";
    private static final String B = "mnist.softmax.weight_decay1e-3.feature2.normface.scale10";
    private static final String C = "fashion_mnist.softmax.weight_decay1e-3.feature2.arcface.scale16.margin30";

    @TempDir
    Path dir;

    /** A stand-in for {@code name} on a PATH of its own: writes its arguments, one a line, then the oneDNN variable. */
    private Path fakeProgram(String name, String printed) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin-" + name));
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\nprintf '%s\\n' \"$@\" > \"" + dir.resolve(name + ".args") + "\"\n"
                + "echo \"TF_ENABLE_ONEDNN_OPTS=$TF_ENABLE_ONEDNN_OPTS\" >> \"" + dir.resolve(name + ".args") + "\"\n"
                + "echo '" + printed + "'\n");
        assertTrue(p.toFile().setExecutable(true));
        return bin;
    }

    /** Runs the script as array task {@code task} would, java replaced by the stand-in; returns bash's exit code. */
    private int runTask(Path script, int task, Path fakeBin, String memoryMb) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("task.out").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", fakeBin + ":/usr/bin:/bin");
        env.put("SLURM_ARRAY_TASK_ID", Integer.toString(task));
        env.put("SLURM_CPUS_PER_TASK", "3");
        env.remove("SLURM_MEM_PER_NODE");
        if (memoryMb != null) {
            env.put("SLURM_MEM_PER_NODE", memoryMb); // what Slurm sets for --mem=2G
        }
        env.remove("TF_ENABLE_ONEDNN_OPTS");
        return pb.start().waitFor();
    }

    @Test
    void oneArrayTaskPerRunEachTheResumableTrainOfItsRun() throws Exception {
        // A space and a quote in the runs folder: the script must pass it to java as one argument.
        Path out = dir.resolve("my runs'x");
        SlurmArray.Settings s = new SlurmArray.Settings("softmax-zoo-grid", Path.of("/opt/sz/softmax-zoo.jar"), Path.of("/data"),
                out, out.resolve("slurm-logs"), 10, 300, 1, "2G", List.of("--partition=long"));
        Path script = Files.writeString(dir.resolve("grid.sbatch"), SlurmArray.script(List.of(A, B, C), "list.txt", s));
        String text = Files.readString(script);

        List<String> sbatch = text.lines().filter(l -> l.startsWith("#SBATCH ")).toList();
        assertEquals(List.of("#SBATCH --job-name=softmax-zoo-grid", "#SBATCH --array=1-3", "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=1", "#SBATCH --mem=2G", "#SBATCH --requeue", "#SBATCH --open-mode=append",
                "#SBATCH --output=" + out.resolve("slurm-logs") + "/%x-%a.log", "#SBATCH --partition=long"), sbatch);
        assertTrue(text.startsWith("#!/bin/bash\n# Written by softmax-zoo grid --slurm from list.txt (3 runs)."), text);

        Path java = fakeProgram("java", "trained");
        String[] runs = {A, B, C};
        for (int task = 1; task <= 3; task++) {
            assertEquals(0, runTask(script, task, java, task == 3 ? null : "2048"), Files.readString(dir.resolve("task.out")));
            // Half of the task's 2048 MB for the heap; without a memory limit (task 3) the JVM's own default.
            List<String> expected = new ArrayList<>(task == 3 ? List.of() : List.of("-Xmx1024m"));
            expected.addAll(List.of("-XX:ActiveProcessorCount=3", "-Dsoftmaxzoo.intra=3", "-jar",
                    "/opt/sz/softmax-zoo.jar", "train", "--experiment", runs[task - 1], "--epochs", "10", "--limit", "300",
                    "--out", dir + "/my runs'x", "--data", "/data", "--figures", dir + "/my runs'x/slurm-logs",
                    "TF_ENABLE_ONEDNN_OPTS=1"));
            assertEquals(expected, Files.readAllLines(dir.resolve("java.args")), "task " + task);
        }
        // No fourth run: the task says so and fails rather than training something else.
        Files.delete(dir.resolve("java.args"));
        assertEquals(2, runTask(script, 4, java, "2048"));
        assertFalse(Files.exists(dir.resolve("java.args")));
    }

    @Test
    void trainDefaultsWhenNoEpochsOrLimitAndNoMemoryRequest() throws Exception {
        SlurmArray.Settings s = new SlurmArray.Settings("j", Path.of("/a.jar"), Path.of("/d"), Path.of("/o"), Path.of("/l"), null, null,
                2, null, List.of());
        String text = SlurmArray.script(List.of(A), "x", s);
        assertTrue(text.contains("#SBATCH --array=1-1\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=2\n#SBATCH --requeue\n"), text);
        assertEquals(List.of("--out", "/o", "--data", "/d", "--figures", "/l"), SlurmArray.sharedTrainArguments(s));
    }

    private record Run(int code, String out, String err) {
    }

    /** The command line as Main runs it, with grid's sbatch search path set to {@code searchPath}. */
    private Run grid(String searchPath, String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            GridCommand grid = cl.getSubcommands().get("grid").getCommand();
            grid.searchPath = searchPath;
            List<String> all = new ArrayList<>(List.of("grid"));
            all.addAll(List.of(args));
            int code = cl.execute(all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    private String[] gridArgs(Path script, String... more) throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), "# two runs\n" + A + "\n\n" + B + "\n");
        List<String> a = new ArrayList<>(List.of("--list", list.toString(), "--slurm", script.toString(), "--jar", "/opt/sz.jar",
                "--out", dir.resolve("runs").toString(), "--data", "/data", "--epochs", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void submitWithoutSbatchIsRefusedWithTheFixAndKeepsTheScript() throws Exception {
        Path script = dir.resolve("grid.sbatch");
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Run r = grid(empty.toString(), gridArgs(script, "--submit"));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --submit needs Slurm's sbatch on the PATH"), r.err());
        assertTrue(r.err().contains("apt-get install slurm-client"), r.err());
        assertTrue(Files.readString(script).contains("#SBATCH --array=1-2\n"), "the script is written before the refusal");
        // The task logs' folder exists: Slurm does not create it, and a task without it fails silently.
        assertTrue(Files.isDirectory(dir.resolve("runs").resolve("slurm-logs")));
    }

    @Test
    void submitRunsSbatchOnTheScriptAndPrintsTheJobId() throws Exception {
        Path script = dir.resolve("grid.sbatch");
        Path bin = fakeProgram("sbatch", "4242;cluster");
        Run r = grid(bin.toString(), gridArgs(script, "--submit"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("submitted job array 4242 (2 tasks)"), r.out());
        List<String> args = Files.readAllLines(dir.resolve("sbatch.args"));
        assertEquals(List.of("--parsable", script.toAbsolutePath().toString()), args.subList(0, 2));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path mine = Files.writeString(dir.resolve("notes.txt"), "my own notes\n");
        Run overwrite = grid("", gridArgs(mine));
        assertEquals(2, overwrite.code());
        assertTrue(overwrite.err().startsWith("error: " + mine + " exists and is not a script written by grid --slurm"), overwrite.err());
        assertEquals("my own notes\n", Files.readString(mine));

        Path script = dir.resolve("grid.sbatch");
        Path list = Files.writeString(dir.resolve("bad.txt"), A + "\nmnist.softmax.feature2\n");
        Run badName = grid("", "--list", list.toString(), "--slurm", script.toString(), "--jar", "/opt/sz.jar");
        assertEquals(2, badName.code());
        assertTrue(badName.err().startsWith("error: cannot parse experiment name 'mnist.softmax.feature2'"), badName.err());
        assertFalse(Files.exists(script));

        Run shard = grid("", gridArgs(script, "--shard", "1/2"));
        assertEquals(2, shard.code());
        assertTrue(shard.err().startsWith("error: --slurm makes one array task per run of the whole list"), shard.err());
        assertFalse(Files.exists(script));

        Run limitAlone = grid("", "--list", list.toString(), "--limit", "300");
        assertEquals(2, limitAlone.code());
        assertEquals("error: --limit belongs to --slurm: add --slurm FILE, or leave it out", limitAlone.err().strip());
    }
}
