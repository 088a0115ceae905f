package org.softmaxzoo.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Every variable of a run (weights, optimizer moments and powers, other state) after a completed
 * epoch. A small binary file, big-endian: magic "SZCK", version 2, payload length, CRC32C of the
 * payload, then the payload: epoch, variable count, and (UTF name, length, floats) per variable.
 * Everything is checked before use, so a damaged file is refused with one line instead of training
 * on altered weights; version 1 (the same without length and checksum) is still read, so runs
 * checkpointed before version 2 resume, and is rewritten as version 2 at the next epoch.
 */
public record Checkpoint(int epoch, Map<String, float[]> values) {
    public static final String FILE = "checkpoint.bin";
    private static final int MAGIC = 0x535a434b; // "SZCK"
    private static final int VERSION = 2;
    private static final int HEADER_BYTES = 16;
    /** What to do about a bad checkpoint, said in every refusal. */
    static final String ADVICE = "restore it from a copy, or train the run again from scratch with `train ... --restart` "
            + "(it keeps the old worklog and checkpoint as .bak files)";

    public void write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(epoch);
            out.writeInt(values.size());
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putInt(payload.length)
                .putInt((int) crc.getValue());
        AtomicFiles.write(file, tmp -> {
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header.array());
                out.write(payload);
            }
        });
    }

    /** The checkpoint in {@code file}; a {@link CheckpointException} naming the file and the fix when it is damaged. */
    public static Checkpoint read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": no such file");
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the checkpoint (" + e.getMessage() + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        if (all.length < 8 || in.getInt() != MAGIC) {
            throw bad(file, "not a softmax-zoo checkpoint (no SZCK magic at the start)");
        }
        int version = in.getInt();
        if (version == 2) {
            if (all.length < HEADER_BYTES) {
                throw bad(file, "truncated checkpoint (" + all.length + " bytes, shorter than its header)");
            }
            int length = in.getInt();
            int stored = in.getInt();
            if (length != all.length - HEADER_BYTES) {
                throw bad(file, (length > all.length - HEADER_BYTES ? "truncated" : "overlong") + " checkpoint ("
                        + (all.length - HEADER_BYTES) + " bytes of data, the header says " + Integer.toUnsignedString(length) + ")");
            }
            CRC32C crc = new CRC32C();
            crc.update(all, HEADER_BYTES, length);
            if ((int) crc.getValue() != stored) {
                throw bad(file, "damaged checkpoint (CRC32C checksum mismatch)");
            }
        } else if (version != 1) {
            throw bad(file, "checkpoint version " + version + ", this program reads versions 1 and 2");
        }
        return payload(file, in);
    }

    /** Epoch and variables from the buffer's position to its end, every length checked against the bytes left. */
    private static Checkpoint payload(Path file, ByteBuffer in) {
        try {
            int epoch = in.getInt();
            int count = in.getInt();
            if (epoch < 0 || count < 0 || count > in.remaining()) {
                throw bad(file, "inconsistent checkpoint (epoch " + epoch + ", " + count + " variables)");
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int nameLength = Short.toUnsignedInt(in.getShort());
                if (nameLength > in.remaining()) {
                    throw bad(file, "truncated checkpoint (variable " + (i + 1) + " of " + count + ")");
                }
                byte[] name = new byte[nameLength];
                in.get(name);
                int length = in.getInt();
                if (length < 0 || length > in.remaining() / Float.BYTES) {
                    throw bad(file, "truncated or inconsistent checkpoint (variable " + (i + 1) + " of " + count + " claims "
                            + length + " values, " + in.remaining() + " bytes left)");
                }
                float[] v = new float[length];
                in.asFloatBuffer().get(v);
                in.position(in.position() + length * Float.BYTES);
                values.put(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name)).toString(), v);
            }
            if (in.hasRemaining()) {
                throw bad(file, "inconsistent checkpoint (" + in.remaining() + " bytes after the last variable)");
            }
            return new Checkpoint(epoch, values);
        } catch (BufferUnderflowException e) {
            throw bad(file, "truncated checkpoint (it ends inside a variable)");
        } catch (CharacterCodingException e) {
            throw bad(file, "damaged checkpoint (a variable name is not UTF-8)");
        }
    }

    private static CheckpointException bad(Path file, String what) {
        return new CheckpointException(file + ": " + what + "; " + ADVICE);
    }
}
