package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.graph.Device;
import org.softmaxzoo.graph.SessionOptions;
import picocli.CommandLine;

/** {@code --device}: cpu hides GPUs from TensorFlow; gpu is refused up front where none is visible. */
class DeviceOptionTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetDevice() {
        System.clearProperty(Device.PROPERTY);
    }

    @Test
    void gpuWithoutAVisibleGpuExitsTwoWithTheFixAndWritesNothing() {
        Assumptions.assumeFalse(Device.gpuVisible(), "a GPU is visible here: this test checks the refusal where there is none");
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        Path runs = dir.resolve("runs");
        int code = cl.execute("train", "--dataset", "mnist", "--epochs", "1", "--limit", "64", "--device", "gpu",
                "--out", runs.toString(), "--figures", dir.resolve("fig").toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("error: --device gpu: TensorFlow sees no GPU"), err.toString());
        assertTrue(err.toString().contains("mvn -Pgpu package"), err.toString());
        assertTrue(Files.notExists(runs), "nothing written before the refusal");
    }

    @Test
    void cpuHidesGpusFromTheSession() {
        System.setProperty(Device.PROPERTY, "cpu");
        assertEquals(0, new SessionOptions(1, 1, false).toConfig().getDeviceCountOrDefault("GPU", -1));
        System.setProperty(Device.PROPERTY, "auto");
        assertEquals(-1, new SessionOptions(1, 1, false).toConfig().getDeviceCountOrDefault("GPU", -1));
    }

    @Test
    void unknownDeviceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
        assertEquals("unknown device 'tpu'; accepted: auto, cpu, gpu", e.getMessage());
    }
}
