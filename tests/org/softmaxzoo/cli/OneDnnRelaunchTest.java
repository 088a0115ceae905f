package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI in a fresh JVM: with the variable unset it runs itself again with oneDNN on; a set value is respected. */
class OneDnnRelaunchTest {

    @Test
    void unsetVariableIsTurnedOnAndASetOneIsKept() throws Exception {
        String unset = run(null);
        assertTrue(unset.contains("oneDNN on"), unset);
        String off = run("0");
        assertTrue(off.contains("oneDNN off"), off);
    }

    private static String run(String value) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "--batch", "4", "--steps", "1", "--warmup", "0", "--repeats", "1"))
                .redirectErrorStream(true);
        pb.environment().remove(OneDnnRelaunch.VARIABLE);
        if (value != null) {
            pb.environment().put(OneDnnRelaunch.VARIABLE, value);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
