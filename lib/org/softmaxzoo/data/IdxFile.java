package org.softmaxzoo.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the MNIST container format): a 4-byte magic (0, 0, type code, rank), one
 * big-endian int per dimension, then the data. Only unsigned bytes (type code 0x08) are used
 * by the data sets here. Files ending in {@code .gz} (or starting with the gzip magic) are
 * decompressed first.
 */
public record IdxFile(Path path, int[] dims, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads and validates an IDX file; every failure is a {@link DataException} naming the file. */
    public static IdxFile read(Path path) {
        byte[] bytes = readMaybeGzipped(path);
        return parse(path, bytes);
    }

    static IdxFile parse(Path path, byte[] bytes) {
        if (bytes.length < 4) {
            throw new DataException(path + ": truncated IDX file (" + bytes.length + " bytes, no header)");
        }
        int rank = bytes[3] & 0xff;
        if (bytes[0] != 0 || bytes[1] != 0 || (bytes[2] & 0xff) != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new DataException(String.format(
                    "%s: wrong magic number 0x%02x%02x%02x%02x (expected 0x000008NN, unsigned-byte IDX of rank 1-4)",
                    path, bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        int headerLength = 4 + 4 * rank;
        if (bytes.length < headerLength) {
            throw new DataException(path + ": truncated IDX header (" + bytes.length + " bytes, need " + headerLength + ")");
        }
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            int at = 4 + 4 * i;
            dims[i] = ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16)
                    | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            if (dims[i] < 0) {
                throw new DataException(path + ": negative dimension " + dims[i] + " in IDX header");
            }
            expected *= dims[i];
        }
        long actual = bytes.length - headerLength;
        if (actual < expected) {
            throw new DataException(path + ": truncated IDX data: header " + Arrays.toString(dims)
                    + " needs " + expected + " bytes, file has " + actual);
        }
        if (actual > expected) {
            throw new DataException(path + ": " + (actual - expected) + " unexpected bytes after the IDX data "
                    + Arrays.toString(dims));
        }
        return new IdxFile(path, dims, Arrays.copyOfRange(bytes, headerLength, bytes.length));
    }

    private static byte[] readMaybeGzipped(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DataException(path + ": file not found");
        }
        try {
            byte[] raw = Files.readAllBytes(path);
            boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
            if (!gzip) {
                if (path.toString().endsWith(".gz")) {
                    throw new DataException(path + ": named .gz but is not gzip data");
                }
                return raw;
            }
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
                in.transferTo(out);
                return out.toByteArray();
            }
        } catch (java.io.EOFException e) {
            throw new DataException(path + ": truncated gzip stream", e);
        } catch (IOException e) {
            throw new DataException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** An IDX file with the SHA-256 (hex) of its decompressed content, which says which data it holds. */
    public record Digested(IdxFile file, String contentSha256) {
    }

    /** Reads and validates an IDX file like {@link #read}, and hashes its decompressed content. */
    public static Digested readDigested(Path path) {
        byte[] bytes = readMaybeGzipped(path);
        return new Digested(parse(path, bytes), sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
