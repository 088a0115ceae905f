package org.softmaxzoo.cli;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Reads a 64-bit little-endian ELF shared library's full symbol table ({@code .symtab}, which also lists the
 * file-local symbols that {@code dlsym} cannot see). Only the table and the names it needs are read.
 */
final class ElfSymbols {
    private static final int SHT_SYMTAB = 2;
    private static final int PT_LOAD = 1;
    private static final int STT_OBJECT = 1;
    private static final int SYMBOL_BYTES = 24;

    private ElfSymbols() {
    }

    /**
     * The link-time address ({@code st_value}) of the data object of {@code size} bytes whose name starts with
     * {@code prefix} (a cheap first test) and passes {@code name}, minus the address the file's first loaded segment starts at (so adding the start of the
     * library's first mapping gives the object's address in memory); empty when the file has no such symbol
     * or no symbol table.
     */
    static OptionalLong dataObjectOffset(Path library, int size, String prefix, Predicate<String> name) throws IOException {
        try (FileChannel file = FileChannel.open(library, StandardOpenOption.READ)) {
            MappedByteBuffer header = map(file, 0, 64);
            if (header.getInt(0) != 0x464c457f || header.get(4) != 2 || header.get(5) != 1) {
                return OptionalLong.empty(); // not ELF64 little-endian
            }
            long firstLoad = firstLoadAddress(file, header.getLong(0x20), header.getShort(0x36), header.getShort(0x38));
            long shoff = header.getLong(0x28);
            int shentsize = header.getShort(0x3a) & 0xffff;
            int shnum = header.getShort(0x3c) & 0xffff;
            MappedByteBuffer sections = map(file, shoff, (long) shentsize * shnum);
            for (int i = 0; i < shnum; i++) {
                int at = i * shentsize;
                if (sections.getInt(at + 4) != SHT_SYMTAB) {
                    continue;
                }
                int names = sections.getInt(at + 40) * shentsize; // the linked string table's header
                MappedByteBuffer symbols = map(file, sections.getLong(at + 24), sections.getLong(at + 32));
                MappedByteBuffer strings = map(file, sections.getLong(names + 24), sections.getLong(names + 32));
                for (int s = 0; s + SYMBOL_BYTES <= symbols.limit(); s += SYMBOL_BYTES) {
                    if ((symbols.get(s + 4) & 0xf) == STT_OBJECT && symbols.getLong(s + 16) == size
                            && startsWith(strings, symbols.getInt(s), prefix)
                            && name.test(string(strings, symbols.getInt(s)))) {
                        return OptionalLong.of(symbols.getLong(s + 8) - firstLoad);
                    }
                }
            }
            return OptionalLong.empty();
        }
    }

    private static long firstLoadAddress(FileChannel file, long phoff, short phentsize, short phnum) throws IOException {
        MappedByteBuffer headers = map(file, phoff, (long) phentsize * phnum);
        for (int i = 0; i < phnum; i++) {
            int at = i * phentsize;
            if (headers.getInt(at) == PT_LOAD) {
                return (headers.getLong(at + 16) - headers.getLong(at + 8)) & ~0xfffL; // p_vaddr - p_offset, page start
            }
        }
        throw new IOException("no loadable segment");
    }

    private static boolean startsWith(MappedByteBuffer strings, int offset, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (strings.get(offset + i) != prefix.charAt(i)) {
                return false; // a shorter name stops here at its terminating 0
            }
        }
        return true;
    }

    private static String string(MappedByteBuffer strings, int offset) {
        int end = offset;
        while (strings.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        strings.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static MappedByteBuffer map(FileChannel file, long offset, long length) throws IOException {
        MappedByteBuffer b = file.map(FileChannel.MapMode.READ_ONLY, offset, length);
        b.order(ByteOrder.LITTLE_ENDIAN);
        return b;
    }
}
