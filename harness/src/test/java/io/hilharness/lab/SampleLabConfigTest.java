package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.ProjectLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample in docs/ is what users copy: it must stay valid, with one board per flash method. */
class SampleLabConfigTest {
    @Test
    void theDocumentedSampleIsValidAndShowsEveryFlashMethod() throws Exception {
        LabConfig lab = LabConfig.read(ProjectLayout.locate().root().resolve("docs/examples/lab.yaml"));
        List<String> methods = lab.boards().stream().filter(b -> !b.isReference() && !b.isContainer() && !b.isQemu())
                .map(b -> b.spec().flash().method()).distinct().sorted().toList();
        assertEquals(List.of("command", "esptool", "gdb", "jlink", "mass-storage", "openocd", "pyocd", "st-flash", "ymodem"), methods);
        assertEquals(3, lab.select("tag:reference").size(), "two host-process boards and one container board");
    }
}
