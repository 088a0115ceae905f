package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.graph.Machine;

class MachineLogTest {
    @TempDir
    Path dir;

    private static final Machine A = new Machine("AMD EPYC (family 25 model 1)", "AVX2", 1, "CPU:0");
    private static final Machine A2 = new Machine("AMD EPYC (family 25 model 1)", "AVX2", 2, "CPU:0");
    private static final Machine B = new Machine("AMD EPYC (family 26 model 2)", "AVX-512", 1, "CPU:0");

    @Test
    void aRowPerChangeOfMachineEarlierRowsKept() throws Exception {
        Path file = dir.resolve(MachineLog.FILE);
        MachineLog.record(file, 1, A);
        MachineLog.record(file, 9, A); // resumed on the same machine: nothing to add
        MachineLog.record(file, 17, B);
        MachineLog.record(file, 30, A2); // same processor, other thread count: another trajectory
        assertEquals(List.of(new MachineLog.Row(1, A), new MachineLog.Row(17, B), new MachineLog.Row(30, A2)),
                MachineLog.read(file));
        assertEquals("""
                from_epoch,processor,vector_units,intra_op_threads,devices
                1,AMD EPYC (family 25 model 1),AVX2,1,CPU:0
                17,AMD EPYC (family 26 model 2),AVX-512,1,CPU:0
                30,AMD EPYC (family 25 model 1),AVX2,2,CPU:0
                """, Files.readString(file));
    }

    @Test
    void anEpochTrainedAgainReplacesTheRowsFromIt() {
        Path file = dir.resolve(MachineLog.FILE);
        MachineLog.record(file, 1, A);
        MachineLog.record(file, 9, B); // B's first epoch 9 crashed before its checkpoint: epoch 9 is trained again
        MachineLog.record(file, 9, A); // ... on A again: A goes on from epoch 1, B's row goes
        assertEquals(List.of(new MachineLog.Row(1, A)), MachineLog.read(file));
        MachineLog.record(file, 9, B);
        MachineLog.record(file, 9, A2);
        assertEquals(List.of(new MachineLog.Row(1, A), new MachineLog.Row(9, A2)), MachineLog.read(file));
    }

    @Test
    void aCommaInAProcessorsNameBecomesASemicolon() {
        Path file = dir.resolve(MachineLog.FILE);
        MachineLog.record(file, 1, new Machine("Vendor CPU, 8 cores", "AVX2", 1, "CPU:0"));
        MachineLog.record(file, 5, new Machine("Vendor CPU, 8 cores", "AVX2", 1, "CPU:0")); // the same machine, not a new row
        assertEquals(List.of(new MachineLog.Row(1, new Machine("Vendor CPU; 8 cores", "AVX2", 1, "CPU:0"))), MachineLog.read(file));
    }

    @Test
    void noFileNoRowsAndABrokenRowIsNamed() throws Exception {
        Path file = dir.resolve(MachineLog.FILE);
        assertEquals(List.of(), MachineLog.read(file));
        Files.writeString(file, MachineLog.HEADER + "\n1,only two\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MachineLog.read(file));
        assertTrue(e.getMessage().contains("'1,only two'"), e.getMessage());
    }
}
