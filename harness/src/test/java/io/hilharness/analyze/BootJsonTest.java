package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Boot and file records of {@code hil analyze --json} are exactly what the harness's mapper writes. */
class BootJsonTest {

    @Property(tries = 500)
    void writesWhatTheMapperWrites(@ForAll("boots") BootSummary boot) throws Exception {
        MapperParity.assertWritesAsTheMapper(boot, json -> BootJson.write(json, boot));
    }

    @Property(tries = 1)
    void everyComponentIsWritten() {
        // A component added to the record must be added to the writer (the property above then checks it).
        assertEquals(List.of("boot", "crashed", "crashLine", "lines", "outcomes", "events"),
                Arrays.stream(BootSummary.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Example
    void aFileRecordIsTheMappersToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonReport report = new JsonReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.file(new LogAnalyzer.FileStats(Path.of("logs/caf\u00e9 \"1\".log"), "mbedtls", 10, 3, 1));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file", "logs/caf\u00e9 \"1\".log");
        data.put("format", "mbedtls");
        data.put("bytes", 10L);
        data.put("lines", 3L);
        data.put("unrecognisedLines", 1L);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "file");
        record.put("data", data);
        assertEquals(Json.mapper().writeValueAsString(record) + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<BootSummary> boots() {
        Arbitrary<Map<SessionOutcome, Long>> outcomes = Arbitraries.maps(Arbitraries.of(SessionOutcome.class),
                Arbitraries.longs().injectNull(0.1)).ofMaxSize(4);
        Arbitrary<Map<String, Long>> events = Arbitraries.maps(Arbitraries.of("STATE", "BOOT", "caf\u00e9 \"x\"", ""),
                Arbitraries.longs().injectNull(0.1)).ofMaxSize(3);
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(true, false),
                Arbitraries.of("panic: \"x\" \u00e9\n", "").injectNull(0.5), Arbitraries.longs(), outcomes, events)
                .as(BootSummary::new);
    }
}
