package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabConfigTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            lock_dir: /tmp/some-locks
            boards:
              ref-1:
                kind: reference
                tags: [reference, smoke]
              nucleo-1:
                kind: serial
                tags: [nucleo]
                console:
                  usb_serial: "0670FF535"
                  baud: 115200
                endpoint: 127.0.0.1:8443
                ready_pattern: "httpd ready on port \\\\d+"
                ready_timeout: 30
                log_format: mbedtls
                flash:
                  method: openocd
                  config: [interface/stlink.cfg, target/stm32f4x.cfg]
                reset:
                  method: break
                power:
                  on: uhubctl -l 1-1 -p 2 -a on
                  off: uhubctl -l 1-1 -p 2 -a off
              esp-1:
                kind: serial
                tags: [esp32]
                console: {port: /dev/serial/by-id/usb-Silicon_Labs_CP2102-if00-port0}
                endpoint: "127.0.0.1:443"
                flash: {method: esptool, chip: esp32}
                reset: {method: dtr, active_low: true, width_ms: 50}
            """;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, text);
        return file;
    }

    private LabConfigException fails(String text) throws Exception {
        Path file = write(text);
        return assertThrows(LabConfigException.class, () -> LabConfig.read(file));
    }

    @Test
    void aGoodFileGivesEveryBoardInOrder() throws Exception {
        LabConfig lab = LabConfig.read(write(GOOD));
        assertEquals(List.of("ref-1", "nucleo-1", "esp-1"), lab.boards().stream().map(LabBoard::name).toList());
        assertEquals(Path.of("/tmp/some-locks"), lab.lockDir());
        LabBoard nucleo = lab.boards().get(1);
        assertEquals("0670FF535", nucleo.spec().console().usbSerial());
        assertEquals(List.of("interface/stlink.cfg", "target/stm32f4x.cfg"), nucleo.spec().flash().config());
        assertEquals(List.of("uhubctl -l 1-1 -p 2 -a on"), nucleo.spec().power().on());
        assertTrue(lab.boards().get(0).isReference());
    }

    @Test
    void aBoardMayNameTheElfFileThatDecodesItsCrashes() throws Exception {
        LabConfig lab = LabConfig.read(write(GOOD.replace("    log_format: mbedtls\n",
                "    log_format: mbedtls\n    elf: build/nucleo-https.elf\n")));
        assertEquals("build/nucleo-https.elf", lab.boards().get(1).spec().elf());
        assertEquals(null, lab.boards().get(0).spec().elf());
    }

    @Test
    void aBoardMayLogInAFormatOfTheFilesOwnFormatsList() throws Exception {
        LabConfig lab = LabConfig.read(write("""
                formats:
                  - name: bracket-ms
                    pattern: '^\\[(?<time>[0-9]+)\\] (?<level>[EWID]) (?<file>\\S+):(?<line>[0-9]+): (?<msg>.*)'
                    death: ['PANIC']
                boards:
                  odd-1:
                    kind: reference
                    log_format: bracket-ms
                """));
        assertEquals("bracket-ms", lab.userFormat("bracket-ms").orElseThrow().name());
        assertEquals(1, lab.formats().size());

        LabConfigException unknown = fails("""
                boards:
                  odd-1:
                    kind: reference
                    log_format: bracket-ms
                """);
        assertTrue(unknown.getMessage().contains(":4: field 'boards.odd-1.log_format'"), unknown.getMessage());

        LabConfigException badRegex = fails("""
                formats:
                  - name: broken
                    pattern: '(?<msg>.*'
                boards:
                  odd-1:
                    kind: reference
                """);
        assertTrue(badRegex.getMessage().contains("lab.yaml:3: formats[0].pattern"), badRegex.getMessage());
    }

    @Test
    void aContainerBoardIsOneMoreKindAndBringsItsOwnConsole() throws Exception {
        LabConfig lab = LabConfig.read(write("""
                boards:
                  ctr-1:
                    kind: container
                    tags: [ci]
                """));
        assertTrue(lab.boards().get(0).isContainer());
        LabConfigException e = fails("""
                boards:
                  ctr-1:
                    kind: container
                    console:
                      port: /dev/ttyACM0
                """);
        assertTrue(e.getMessage().contains("ctr-1") && e.getMessage().contains("console")
                && e.getMessage().contains("container board brings its own"), e.getMessage());
    }

    @Test
    void selectorsPickByNameTagOrAll() throws Exception {
        LabConfig lab = LabConfig.read(write(GOOD));
        assertEquals(List.of("nucleo-1"), lab.select("tag:nucleo").stream().map(LabBoard::name).toList());
        assertEquals(List.of("esp-1"), lab.select("esp-1").stream().map(LabBoard::name).toList());
        assertEquals(3, lab.select("all").size());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> lab.select("tag:stm32h7"));
        assertTrue(none.getMessage().contains("no board matches 'tag:stm32h7'"), none.getMessage());
        assertTrue(none.getMessage().contains("[esp32, nucleo, reference, smoke]"), none.getMessage());
    }

    @Test
    void anUnknownKeyNamesFileLineAndField() throws Exception {
        LabConfigException e = fails(GOOD.replace("      config: [", "      configs: ["));
        assertTrue(e.getMessage().startsWith(dir.resolve("lab.yaml") + ":18: field 'boards.nucleo-1.flash.configs': unknown key"),
                e.getMessage());
        LabConfigException missing = fails(GOOD.replace("      method: openocd\n", ""));
        assertTrue(missing.getMessage().contains(":16: field 'boards.nucleo-1.flash.method': Missing required"),
                missing.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotTheLastOneSilently() throws Exception {
        LabConfigException board = fails(GOOD.replace("  esp-1:\n", "  ref-1:\n"));
        assertTrue(board.getMessage().startsWith(dir.resolve("lab.yaml") + ":"), board.getMessage());
        assertTrue(board.getMessage().contains("Duplicate field 'ref-1'"), board.getMessage());
        LabConfigException tags = fails(GOOD.replace("    tags: [nucleo]\n", "    tags: [nucleo]\n    tags: [stm32]\n"));
        assertTrue(tags.getMessage().contains("Duplicate field 'tags'"), tags.getMessage());
    }

    @Test
    void anLwipBoardIsOneMoreKindOnTheHarnessesPrivateNetwork() throws Exception {
        LabConfig lab = LabConfig.read(write("""
                boards:
                  lwip-1:
                    kind: lwip
                    tags: [lwip]
                """));
        assertTrue(lab.boards().get(0).isLwip());
        LabConfigException e = fails("""
                boards:
                  lwip-1:
                    kind: lwip
                    endpoint: 192.168.77.2:443
                """);
        assertTrue(e.getMessage().contains("lwip-1") && e.getMessage().contains("endpoint")
                && e.getMessage().contains("an lwIP board has its own"), e.getMessage());
    }

    @Test
    void aBadKindNamesItsLine() throws Exception {
        LabConfigException e = fails(GOOD.replace("    kind: serial\n    tags: [nucleo]", "    kind: usb\n    tags: [nucleo]"));
        assertTrue(e.getMessage().contains(":7: field 'boards.nucleo-1.kind': must be one of [serial, reference, container, lava, lwip, qemu], not 'usb'"),
                e.getMessage());
    }

    @Test
    void methodParametersAreChecked() throws Exception {
        LabConfigException drive = fails(GOOD.replace("{method: esptool, chip: esp32}", "{method: mass-storage}"));
        assertTrue(drive.getMessage().contains(":29: field 'boards.esp-1.flash.drive': required for this flash method"),
                drive.getMessage());
        LabConfigException method = fails(GOOD.replace("method: openocd", "method: dfu-util"));
        assertTrue(method.getMessage().contains(":17: field 'boards.nucleo-1.flash.method': must be one of [mass-storage,"),
                method.getMessage());
        LabConfigException reset = fails(GOOD.replace("method: dtr", "method: flash-tool"));
        assertTrue(reset.getMessage().contains("field 'boards.esp-1.reset.method': flash-tool reset needs flash method openocd or pyocd"),
                reset.getMessage());
    }

    @Test
    void aKeyInsideAFlowMapIsNamedByItsOwnLine() throws Exception {
        LabConfigException unknown = fails(GOOD.replace("reset: {method: dtr, active_low: true, width_ms: 50}",
                "reset: {method: dtr,\n            active_low: true, widht_ms: 50}"));
        assertTrue(unknown.getMessage().contains(":31: field 'boards.esp-1.reset.widht_ms': unknown key"),
                unknown.getMessage());
        LabConfigException method = fails(GOOD + """
                  nucleo-2: {kind: serial, console: {port: /dev/ttyACM1},
                             endpoint: "127.0.0.1:8444", flash: {method: dfu-util}}
                """);
        assertTrue(method.getMessage().contains(":32: field 'boards.nucleo-2.flash.method': must be one of [mass-storage,"),
                method.getMessage());
    }

    @Test
    void consoleEndpointAndPatternAreChecked() throws Exception {
        LabConfigException two = fails(GOOD.replace("      baud: 115200", "      port: /dev/ttyACM0"));
        assertTrue(two.getMessage().contains(":9: field 'boards.nucleo-1.console': give exactly one of"), two.getMessage());
        LabConfigException endpoint = fails(GOOD.replace("endpoint: 127.0.0.1:8443", "endpoint: 127.0.0.1"));
        assertTrue(endpoint.getMessage().contains(":12: field 'boards.nucleo-1.endpoint': '127.0.0.1' is not host:port"),
                endpoint.getMessage());
        LabConfigException pattern = fails(GOOD.replace("ready_pattern: \"httpd", "ready_pattern: \"(httpd"));
        assertTrue(pattern.getMessage().contains(":13: field 'boards.nucleo-1.ready_pattern': not a regular expression"),
                pattern.getMessage());
        LabConfigException usbId = fails(GOOD.replace("usb_serial: \"0670FF535\"", "usb_id: \"0d28\""));
        assertTrue(usbId.getMessage().contains(":10: field 'boards.nucleo-1.console.usb_id': '0d28' is not VID:PID"),
                usbId.getMessage());
        LabConfigException reference = fails(GOOD.replace("    tags: [reference, smoke]", "    tags: [reference]\n    endpoint: a:1"));
        assertTrue(reference.getMessage().contains(":6: field 'boards.ref-1.endpoint': a reference board has its own"),
                reference.getMessage());
    }

    @Test
    void wrongTypesAndEmptyFilesAreOneLineErrors() throws Exception {
        LabConfigException type = fails(GOOD.replace("ready_timeout: 30", "ready_timeout: soon"));
        assertTrue(type.getMessage().contains(":14: field 'boards.nucleo-1.ready_timeout'"), type.getMessage());
        assertTrue(fails("").getMessage().endsWith("the file is empty"));
        assertTrue(fails("lock_dir: /x\n").getMessage().contains("field 'boards'"));
        LabConfigException missing = assertThrows(LabConfigException.class, () -> LabConfig.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("no such lab config file"), missing.getMessage());
    }

    @Test
    void theFileIsTheOptionThenTheEnvironmentThenTheHomeDefault() {
        Path home = Path.of("/home/lab");
        assertEquals(Path.of("a.yaml"), LabConfig.locate(Path.of("a.yaml"), Map.of("HIL_LAB_CONFIG", "b.yaml"), home));
        assertEquals(Path.of("b.yaml"), LabConfig.locate(null, Map.of("HIL_LAB_CONFIG", "b.yaml"), home));
        assertEquals(Path.of("/home/lab/.config/hil/lab.yaml"), LabConfig.locate(null, Map.of(), home));
    }
}
