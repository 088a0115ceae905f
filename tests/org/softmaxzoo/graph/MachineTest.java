package org.softmaxzoo.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MachineTest {
    /** Two processors as Linux lists them; only the first one's fields count. */
    private static final String AMD_AVX512 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 26
            model\t\t: 2
            model name\t: AMD EPYC
            flags\t\t: fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx avx2 avx512f avx512dq avx512bw

            processor\t: 1
            vendor_id\t: AuthenticAMD
            cpu family\t: 25
            model\t\t: 1
            model name\t: Another EPYC
            flags\t\t: fpu sse2 avx2
            """;

    private static final String INTEL_AVX2 = """
            processor\t: 0
            cpu family\t: 6
            model\t\t: 79
            model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz
            flags\t\t: fpu sse4_2 avx avx2 fma
            """;

    @Test
    void theFirstProcessorsNameFamilyModelAndWidestVectorExtension() {
        assertEquals(new Machine("AMD EPYC (family 26 model 2)", "AVX-512", 1, "CPU:0"), Machine.fromCpuinfo(AMD_AVX512, 1, "CPU:0"));
        assertEquals(new Machine("Intel(R) Xeon(R) CPU @ 2.20GHz (family 6 model 79)", "AVX2", 2, "CPU:0"), Machine.fromCpuinfo(INTEL_AVX2, 2, "CPU:0"));
    }

    @Test
    void missingFieldsSayWhatIsUnknown() {
        // An ARM machine lists no model name, family or x86 flags ("Features" instead).
        assertEquals(new Machine("unknown processor", "unknown", 4, "CPU:0"), Machine.fromCpuinfo("processor\t: 0\nFeatures\t: fp asimd\n", 4, "CPU:0"));
        assertEquals(new Machine("Old CPU", "none", 1, "CPU:0"), Machine.fromCpuinfo("model name\t: Old CPU\nflags\t\t: fpu sse2\n", 1, "CPU:0"));
    }

    @Test
    void devicesByTheirShortNames() {
        assertEquals("GPU:0 CPU:0", Machine.shortNames(java.util.List.of("/job:localhost/replica:0/task:0/device:GPU:0",
                "/job:localhost/replica:0/task:0/device:CPU:0")));
        assertEquals("unknown", Machine.shortNames(java.util.List.of()));
    }
}
