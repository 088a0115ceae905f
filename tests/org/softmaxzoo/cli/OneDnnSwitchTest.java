package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CLI in a fresh JVM, as a user starts it: oneDNN is switched on inside the process (its kernels run,
 * not just a flag printed), so killing that process ends all of it, and arguments and inherited file
 * descriptors reach the command unchanged.
 */
class OneDnnSwitchTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void unsetVariableRunsOneDnnKernelsAndASetZeroIsKept() throws Exception {
        String unset = run(null, "bench", "--batch", "4", "--steps", "1", "--warmup", "0", "--repeats", "1", "--profile");
        assertTrue(unset.contains("oneDNN on") && unset.contains("_MklNative"), unset);
        String off = run("0", "bench", "--batch", "4", "--steps", "1", "--warmup", "0", "--repeats", "1", "--profile");
        assertTrue(off.contains("oneDNN off") && !off.contains("_Mkl"), off);
    }

    @Test
    void sigkillOfTheStartedProcessLeavesNoJavaBehind() throws Exception {
        // A marker on the JVM's command line finds any process it started (a relaunched child copies it),
        // even after the child has been re-parented away from the killed process.
        String marker = "-Dsoftmaxzoo.test.marker=" + UUID.randomUUID();
        ProcessBuilder pb = new ProcessBuilder(JAVA, marker, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "bench", "--batch", "4", "--steps", "100000", "--warmup", "0", "--repeats", "1").redirectErrorStream(true);
        pb.environment().remove(OneDnnSwitch.VARIABLE);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("TensorFlow ")) {
            // wait until the command itself runs
        }
        assertTrue(line != null, "the command never started");
        Thread.sleep(500); // into the training steps
        assertTrue(p.isAlive());
        p.destroyForcibly(); // SIGKILL
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<String> left;
        do {
            left = processesWith(marker);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        left.forEach(pid -> ProcessHandle.of(Long.parseLong(pid.substring(4))).ifPresent(ProcessHandle::destroyForcibly));
        assertEquals(List.of(), left, "java processes still running 2 s after SIGKILL of the started one");
    }

    @Test
    void emptyArgumentsAndProcessSubstitutionsReachTheCommand() throws Exception {
        String cp = System.getProperty("java.class.path");
        String base = "'" + JAVA + "' -cp '" + cp + "' " + Main.class.getName() + " loss --features <(printf '3,4\\n') "
                + "--weights <(printf '1,0\\n0,1\\n') --labels <(printf '1\\n') --head ";
        String good = bash(base + "'normface(s=10)'");
        // Logits (6, 8), label 1: loss log(1 + e^-2) = 0.126928011.
        assertTrue(good.contains("\"loss\": 0.12692"), good);
        String empty = bash(base + "''");
        assertFalse(empty.contains("Missing required"), empty);
        assertTrue(empty.contains("error: ") && empty.toLowerCase().contains("head"), empty);
    }

    private static List<String> processesWith(String marker) {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> h.info().arguments().ifPresent(args -> {
            if (List.of(args).contains(marker) && h.isAlive()) {
                found.add("pid " + h.pid());
            }
        }));
        return found;
    }

    private String bash(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        pb.environment().remove(OneDnnSwitch.VARIABLE);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static String run(String value, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove(OneDnnSwitch.VARIABLE);
        if (value != null) {
            pb.environment().put(OneDnnSwitch.VARIABLE, value);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
