package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hilharness.client.Outcome;
import io.hilharness.run.RunFolder;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report with hostile device text in headless Chromium, offline. Skipped where Debian's
 * chromium is not installed (ci/test does not install it: it is heavy).
 */
class ReportInChromiumIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private Path report;

    @BeforeEach
    void writeReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed");
        RunFolder run = new CraftedRun().write(Files.createDirectory(dir.resolve("run")));
        RunReports.rebuild(run);
        report = run.dir().resolve(RunReports.HTML);
    }

    @Test
    void theBrowserKeepsHostileDeviceTextAsText() throws Exception {
        String dom = chromium("--dump-dom");

        assertFalse(dom.toLowerCase().contains("<script"), "the browser built a script element");
        assertFalse(dom.toLowerCase().contains("<img"), "the browser built an img element");
        assertTrue(dom.contains("send alert &lt;script&gt;alert(\"pwned\")&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"), dom);
    }

    @Test
    void theScreenshotShowsTheCharts() throws Exception {
        Path png = dir.resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=1400,2000");

        BufferedImage image = ImageIO.read(png.toFile());
        // The timeline's bars and the failure-rate bars are large areas of exactly these colours;
        // the small badges and the verdict use them too, but cover far fewer pixels.
        int green = pixels(image, OutcomeColors.of(Outcome.OK));
        int red = pixels(image, OutcomeColors.of(Outcome.SERVER_ALERT));
        assertTrue(green > 8000, "green timeline bars: " + green + " pixels");
        assertTrue(red > 8000, "red failure bars and the alert bar: " + red + " pixels");
    }

    private String chromium(String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-pings", "--disable-domain-reliability",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(action));
        command.add(report.toUri().toString());
        Path stdout = dir.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("chromium.err")));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static int pixels(BufferedImage image, String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
