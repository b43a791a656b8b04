package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LogFormatsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsNamePatternAndDeaths() throws Exception {
        Path f = dir.resolve("formats.yaml");
        Files.writeString(f, "formats:\n  - name: a\n    pattern: '^(?<time>[0-9]+) (?<msg>.*)'\n    death: [PANIC, 'wdt reset']\n");
        List<RegexLogFormat> formats = LogFormatsFile.read(f);
        assertEquals(1, formats.size());
        assertEquals("a", formats.get(0).name());
        assertEquals(2, formats.get(0).deathPatterns().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'formats:\\n  - name: a\\n    pattern: ''(''\\n' | :3: formats[0].pattern: invalid regular expression",
            "'formats:\\n  - name: a\\n' | :2: formats[0].pattern: missing",
            "'formats:\\n  - name: a\\n    pattern: x\\n    colour: red\\n' | :4: formats[0].colour: unknown field",
            "'formats:\\n  - name: a\\n    pattern: ''(?<when>x)''\\n' | :3: formats[0].pattern: unknown group 'when'",
            "'formats:\\n  - name: board\\n    pattern: x\\n' | :2: formats[0].name: 'board' is already taken",
            "'formats:\\n  - name: a\\n    pattern: x\\n    death: [''['']\\n' | :4: formats[0].death[0]: invalid regular expression",
            "'formats: 3\\n' | :1: formats: expected a list",
            "'formats: [\\n' | : not valid YAML",
            "'' | :1: formats: the file is empty"})
    void errorsNameFileLineAndField(String yaml, String expected) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml.replace("\\n", "\n"));
        LogFormatsFile.FormatConfigException e = assertThrows(LogFormatsFile.FormatConfigException.class,
                () -> LogFormatsFile.read(f));
        String message = e.getMessage();
        assertEquals(true, message.startsWith(f.toString()), message);
        assertEquals(true, message.contains(expected), message + " should contain " + expected);
    }
}
