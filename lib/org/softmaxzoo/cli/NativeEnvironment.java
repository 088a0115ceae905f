package org.softmaxzoo.cli;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Adds a variable to this process's C environment, the one native libraries read with {@code getenv}
 * ({@link System#getenv} is a read-only copy taken at JVM start). Java has no call for it, so this
 * swaps libc's {@code environ} array for a copy with the new entry, through JavaCPP's small native
 * library (TensorFlow Java's own binding layer): no relaunch, no compiled code of ours. The new array and
 * string are never freed (the C environment points into them); the swap is one pointer store, so a
 * concurrent {@code getenv} sees the old array or the new one, both intact.
 */
final class NativeEnvironment {
    // Reachable forever, every one of them: a later array still points at the earlier entries, and
    // freeing any of them would leave environ pointing at freed memory.
    private static final java.util.List<Pointer> KEPT = new java.util.ArrayList<>();

    private NativeEnvironment() {
    }

    /**
     * Sets {@code name=value} unless the C environment already holds {@code name}; false when it did or when
     * JavaCPP's native library is not available on this platform (then nothing changed).
     */
    static synchronized boolean putIfAbsent(String name, String value) {
        Pointer slot;
        try {
            Loader.load(Loader.class);
            slot = Loader.addressof("environ");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
        if (slot == null || slot.isNull()) {
            return false;
        }
        PointerPointer<?> environ = new PointerPointer<>(slot);
        PointerPointer<?> old = new PointerPointer<>(environ.get(0));
        byte[] prefix = (name + "=").getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (Pointer p = old.get(0); p != null && !p.isNull(); p = old.get(++n)) {
            if (startsWith(new BytePointer(p), prefix)) {
                return false;
            }
        }
        PointerPointer<?> copy = new PointerPointer<>(n + 2L);
        for (int i = 0; i < n; i++) {
            copy.put(i, old.get(i));
        }
        BytePointer added = new BytePointer(name + "=" + value);
        copy.put(n, added);
        copy.put(n + 1, (Pointer) null);
        KEPT.add(copy);
        KEPT.add(added);
        environ.put(0, copy);
        return true;
    }

    private static boolean startsWith(BytePointer s, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (s.get(i) != prefix[i]) {
                return false; // a shorter string stops here at its terminating 0
            }
        }
        return true;
    }
}
