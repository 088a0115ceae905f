package org.softmaxzoo.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every variable of a run (weights, optimizer moments and powers, other state) after a completed
 * epoch. A small binary file: magic, version, epoch, then (name, length, floats) per variable.
 */
public record Checkpoint(int epoch, Map<String, float[]> values) {
    public static final String FILE = "checkpoint.bin";
    private static final int MAGIC = 0x535a434b; // "SZCK"
    private static final int VERSION = 1;

    public void write(Path file) {
        AtomicFiles.write(file, tmp -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(epoch);
                out.writeInt(values.size());
                for (Map.Entry<String, float[]> e : values.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        });
    }

    public static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalStateException(file + ": not a softmax-zoo checkpoint (version " + VERSION + ")");
            }
            int epoch = in.readInt();
            int count = in.readInt();
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readFloat();
                }
                values.put(name, v);
            }
            return new Checkpoint(epoch, values);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable checkpoint (" + e.getMessage() + ")", e);
        }
    }
}
