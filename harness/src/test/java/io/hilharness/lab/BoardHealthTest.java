package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maintenance after N failed campaigns in a row, kept beside the locks, and what selections make of it. */
class BoardHealthTest {
    @TempDir
    Path dir;

    private LabConfig lab(String health) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
                lock_dir: %s
                %s
                boards:
                  ref-1:
                    kind: reference
                    tags: [ref]
                  ref-2:
                    kind: reference
                    tags: [ref]
                """.formatted(dir.resolve("locks"), health));
        return LabConfig.read(file);
    }

    @Test
    void theThresholdAndHealthImageComeFromTheLabConfigWithDefaults() throws Exception {
        assertEquals(3, lab("").health().threshold());
        assertEquals("good", lab("").health().healthImage());
        LabConfig set = lab("health: {maintenance_after: 2, image: lab-ca}");
        assertEquals(2, set.health().threshold());
        assertEquals("lab-ca", set.health().healthImage());
        LabConfigException zero = assertThrows(LabConfigException.class, () -> lab("health:\n  maintenance_after: 0"));
        assertTrue(zero.getMessage().endsWith("lab.yaml:3: field 'health.maintenance_after': must be at least 1 (campaigns in a row)"),
                zero.getMessage());
        LabConfigException unknown = assertThrows(LabConfigException.class, () -> lab("health: {threshold: 2}"));
        assertTrue(unknown.getMessage().contains("field 'health.threshold': unknown key"), unknown.getMessage());
    }

    @Test
    void nFailedCampaignsInARowPutABoardInMaintenanceNamingTheRunThatDecided() throws Exception {
        HealthStore store = HealthStore.of(lab(""));
        store.recordFailure("ref-1", "runs/a", "flashing failed");
        store.recordFailure("ref-1", "runs/b", "no boot got ready");
        assertFalse(store.read("ref-1").inMaintenance());
        BoardHealth third = store.recordFailure("ref-1", "runs/c", "flashing failed: disk full");
        assertTrue(third.inMaintenance());
        assertEquals("runs/c", third.maintenance().run());
        assertEquals("3 campaigns in a row failed, the last: flashing failed: disk full", third.maintenance().reason());
        assertTrue(store.read("ref-1").maintenance().describe().endsWith(
                ": 3 campaigns in a row failed, the last: flashing failed: disk full (decided by run runs/c)"));
        assertFalse(store.read("ref-2").inMaintenance(), "other boards are not affected");
        store.recordFailure("ref-2", "runs/d", "openocd failed:\n  Error: no device found\n");
        assertEquals("openocd failed: | Error: no device found", store.read("ref-2").streak().get(0).reason());
    }

    @Test
    void aCampaignThatBootedEndsTheStreakButOnlyAHealthCheckEndsMaintenance() throws Exception {
        HealthStore store = HealthStore.of(lab("health: {maintenance_after: 2}"));
        store.recordFailure("ref-1", "runs/a", "x");
        store.recordSuccess("ref-1");
        store.recordFailure("ref-1", "runs/b", "x");
        assertFalse(store.read("ref-1").inMaintenance(), "the failures were not in a row");
        store.recordFailure("ref-1", "runs/c", "x");
        assertTrue(store.read("ref-1").inMaintenance());
        store.recordSuccess("ref-1");
        assertTrue(store.read("ref-1").inMaintenance());
        store.returnToService("ref-1");
        assertEquals(BoardHealth.inService(), store.read("ref-1"));
    }

    @Test
    void tagsSkipBoardsInMaintenanceAndANamedOneIsUsedWithAWarning() throws Exception {
        LabConfig lab = lab("health: {maintenance_after: 1}");
        HealthStore store = HealthStore.of(lab);
        store.recordFailure("ref-1", "runs/a", "flashing failed");

        BoardChoice tag = BoardChoice.of(lab, "tag:ref", store);
        assertEquals(List.of("ref-2"), tag.boards().stream().map(LabBoard::name).toList());
        assertEquals(1, tag.warnings().size());
        assertTrue(tag.warnings().get(0).startsWith("skipping board ref-1: in maintenance since "), tag.warnings().toString());

        BoardChoice named = BoardChoice.of(lab, "ref-1", store);
        assertEquals(List.of("ref-1"), named.boards().stream().map(LabBoard::name).toList());
        assertTrue(named.warnings().get(0).startsWith("warning: board ref-1 is in maintenance since "), named.warnings().toString());
        assertTrue(named.warnings().get(0).endsWith("using it because it was named (hil boards check ref-1 returns it to service)"));

        store.recordFailure("ref-2", "runs/b", "no boot got ready");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> BoardChoice.of(lab, "all", store));
        assertEquals("every board of 'all' is in maintenance [ref-1, ref-2]: hil boards shows why, hil boards check all brings them back",
                none.getMessage());
    }
}
