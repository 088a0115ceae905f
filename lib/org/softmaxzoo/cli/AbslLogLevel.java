package org.softmaxzoo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.IntPointer;
import org.tensorflow.TensorFlow;

/**
 * Gives absl's logging inside TensorFlow's native libraries the level {@code TF_CPP_MIN_LOG_LEVEL} gives
 * TensorFlow's own. TensorFlow 2.18 writes some lines through absl (at the first session run: "WARNING: All log
 * messages before absl::InitializeLog() ..." and the MLIR pass notice), and absl reads no environment variable;
 * each library holds a private copy of absl whose setter is not exported. So this looks the copy's level
 * variable up in the library's full symbol table and stores the level there, in this process: no relaunch,
 * no compiled code of ours. A library built without that symbol is left alone (its lines then show).
 */
final class AbslLogLevel {
    // absl's level variable, file-local in its versioned namespace: _ZN4absl12lts_2023080212_GLOBAL__N_113min_log_levelE.0
    private static final Pattern VARIABLE = Pattern.compile("_ZN4absl(\\d+lts_\\d+)?12_GLOBAL__N_113min_log_levelE(\\.\\d+)?");
    private static final int FATAL = 3;

    private AbslLogLevel() {
    }

    /** The level a {@code TF_CPP_MIN_LOG_LEVEL} value asks for; empty when unset or not a number (then absl is left alone). */
    static OptionalInt levelOf(String value) {
        return value != null && value.matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
    }

    /** Loads TensorFlow and sets {@code level} (0 info ... 3 fatal) in each of its libraries; returns how many were set. */
    static int set(int level) {
        TensorFlow.version(); // loads the native libraries
        List<Mapping> maps = Mapping.ofThisProcess();
        int set = 0;
        for (Mapping library : maps) {
            if (library.offset() != 0 || !library.path().getFileName().toString().startsWith("libtensorflow")) {
                continue;
            }
            OptionalLong offset;
            try {
                offset = ElfSymbols.dataObjectOffset(library.path(), Integer.BYTES, "_ZN4absl",
                        n -> VARIABLE.matcher(n).matches());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (offset.isPresent() && store(maps, library.start() + offset.getAsLong(), Math.min(level, FATAL))) {
                set++;
            }
        }
        return set;
    }

    // Only into writable memory that already holds a severity: a wrong address is left untouched.
    private static boolean store(List<Mapping> maps, long at, int level) {
        if (maps.stream().noneMatch(m -> m.writable() && m.start() <= at && at + Integer.BYTES <= m.end())) {
            return false;
        }
        IntPointer variable = new IntPointer(new org.bytedeco.javacpp.Pointer() {
            {
                address = at; // JavaCPP's protected field: a pointer to memory it did not allocate
            }
        });
        int old = variable.get();
        if (old < 0 || old > FATAL) {
            return false;
        }
        variable.put(level);
        return true;
    }

    /** One line of {@code /proc/self/maps}. */
    private record Mapping(long start, long end, boolean writable, long offset, Path path) {
        static List<Mapping> ofThisProcess() {
            List<Mapping> maps = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                    String[] f = line.trim().split("\\s+", 6);
                    String[] range = f[0].split("-");
                    maps.add(new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                            f[1].charAt(1) == 'w', Long.parseUnsignedLong(f[2], 16), Path.of(f.length == 6 ? f[5] : "")));
                }
            } catch (IOException e) {
                return List.of(); // not Linux: nothing is set
            }
            return maps;
        }
    }
}
