package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: its layout, and one clear refusal for every kind of damage instead of altered weights or a crash. */
class CheckpointTest {
    @TempDir
    Path dir;

    private static final Map<String, float[]> VALUES = new LinkedHashMap<>(Map.of("w", new float[] {1.5f, -2f, 0.25f}));

    static {
        VALUES.put("adam/m", new float[] {3f, 4f});
    }

    @Test
    void layoutIsMagicVersionLengthCrc32cThenPayload() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        new Checkpoint(7, VALUES).write(file);
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all);
        assertEquals("SZCK", new String(all, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        b.position(4);
        assertEquals(2, b.getInt());
        // payload: epoch, count, then ("w": 2+1 name, 4 length, 12 floats) and ("adam/m": 2+6, 4, 8).
        int payload = 4 + 4 + (2 + 1 + 4 + 12) + (2 + 6 + 4 + 8);
        assertEquals(payload, b.getInt());
        assertEquals(16 + payload, all.length);
        CRC32C crc = new CRC32C();
        crc.update(all, 16, payload);
        assertEquals((int) crc.getValue(), b.getInt());
        assertEquals(7, b.getInt());
        Checkpoint back = Checkpoint.read(file);
        assertEquals(7, back.epoch());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, back.values().get("w"));
        assertArrayEquals(new float[] {3f, 4f}, back.values().get("adam/m"));
    }

    @Test
    void aFlippedWeightByteIsRefusedNotUsed() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        new Checkpoint(3, VALUES).write(file);
        byte[] all = Files.readAllBytes(file);
        all[all.length - 3] ^= 0x10; // inside the last float
        Files.write(file, all);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertOneClearLine(file, e, "checksum");
    }

    @Test
    void everyTruncationIsOneClearLine() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        new Checkpoint(3, VALUES).write(file);
        byte[] all = Files.readAllBytes(file);
        for (int n = 0; n < all.length; n++) {
            Files.write(file, Arrays.copyOf(all, n));
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file), "cut at " + n);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("--restart"), e.getMessage());
        }
    }

    @Test
    void versionOneFilesStillResumeAndTheirLengthsAreChecked() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        Files.write(file, versionOne(5, 3, new float[] {1.5f, -2f, 0.25f}));
        Checkpoint old = Checkpoint.read(file);
        assertEquals(5, old.epoch());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, old.values().get("w"));
        // Length fields that once gave OutOfMemoryError and NegativeArraySizeException.
        for (int claimed : new int[] {Integer.MAX_VALUE, -1, 4}) {
            Files.write(file, versionOne(5, claimed, new float[] {1.5f, -2f, 0.25f}));
            assertOneClearLine(file, assertThrows(CheckpointException.class, () -> Checkpoint.read(file)), "checkpoint");
        }
    }

    @Test
    void notACheckpointAndAnUnknownVersionAreRefused() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        Files.writeString(file, "epoch,train_loss\n1,2\n");
        assertOneClearLine(file, assertThrows(CheckpointException.class, () -> Checkpoint.read(file)), "not a softmax-zoo checkpoint");
        Files.write(file, ByteBuffer.allocate(16).putInt(0x535a434b).putInt(9).array());
        assertOneClearLine(file, assertThrows(CheckpointException.class, () -> Checkpoint.read(file)), "version 9");
    }

    /** The version 1 layout, written here independently: magic, 1, epoch, count, then name, claimed length, floats. */
    private static byte[] versionOne(int epoch, int claimedLength, float[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x535a434b);
            out.writeInt(1);
            out.writeInt(epoch);
            out.writeInt(1);
            out.writeUTF("w");
            out.writeInt(claimedLength);
            for (float f : values) {
                out.writeFloat(f);
            }
        }
        return bytes.toByteArray();
    }

    private static void assertOneClearLine(Path file, RuntimeException e, String what) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": ") && m.contains(what) && m.contains("--restart") && !m.contains("\n"), m);
    }
}
