package org.softmaxzoo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    /** An unsigned-byte IDX file built by hand: magic 0,0,8,rank, big-endian dims, data. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(8);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6, (byte) 255, 0, 9, 10, 11, 12};
        byte[] file = idx(new int[] {3, 2, 2}, data);
        Path raw = Files.write(dir.resolve("x-idx3-ubyte"), file);
        Path gz = Files.write(dir.resolve("x-idx3-ubyte.gz"), gzip(file));
        for (Path p : new Path[] {raw, gz}) {
            IdxFile f = IdxFile.read(p);
            assertArrayEquals(new int[] {3, 2, 2}, f.dims());
            assertArrayEquals(data, f.data());
        }
    }

    @Test
    void dimensionsAreBigEndian() throws IOException {
        // 256 = 0x00000100: a little-endian reader would see 65536.
        Path p = Files.write(dir.resolve("labels"), idx(new int[] {256}, new byte[256]));
        assertEquals(256, IdxFile.read(p).dims()[0]);
    }

    @Test
    void refusesWrongMagic() throws IOException {
        byte[] file = idx(new int[] {2}, new byte[] {1, 2});
        file[2] = 0x0D; // float type code
        Path p = Files.write(dir.resolve("bad-magic"), file);
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("wrong magic number 0x00000d01"), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void refusesTruncatedData() throws IOException {
        byte[] file = idx(new int[] {2, 28, 28}, new byte[2 * 28 * 28]);
        Path p = Files.write(dir.resolve("short"), Arrays.copyOf(file, file.length - 100));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("truncated IDX data") && e.getMessage().contains("needs 1568 bytes, file has 1468"),
                e.getMessage());
    }

    @Test
    void refusesTruncatedHeaderAndGzip() throws IOException {
        Path header = Files.write(dir.resolve("header"), Arrays.copyOf(idx(new int[] {2, 2, 2}, new byte[8]), 9));
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(header)).getMessage().contains("truncated IDX header"));
        byte[] gz = gzip(idx(new int[] {1000}, new byte[1000]));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(cut)).getMessage().contains("truncated gzip"));
    }

    @Test
    void refusesTrailingBytesAndMissingFile() throws IOException {
        Path p = Files.write(dir.resolve("long"), idx(new int[] {2}, new byte[] {1, 2, 3}));
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(p)).getMessage().contains("1 unexpected bytes"));
        Path missing = dir.resolve("nope");
        assertTrue(assertThrows(DataException.class, () -> IdxFile.read(missing)).getMessage().contains("file not found"));
    }
}
