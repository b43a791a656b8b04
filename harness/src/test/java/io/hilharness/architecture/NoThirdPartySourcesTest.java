package io.hilharness.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * lwIP and Mbed TLS are fetched at build time, never copied in. Untracked build folders
 * (firmware-images/lwip/build) hold the unpacked sources and do not count, so both checks ask git what
 * is tracked: no tracked file outside docs/ carries their copyright headers, and none is byte for byte
 * one of the release files the lwIP board compiles (firmware-images/lwip/sources.sha256).
 */
class NoThirdPartySourcesTest {
    /** What lwIP's and Mbed TLS's source files say at their top. */
    private static final Pattern HEADERS = Pattern.compile("This file is part of the lwIP TCP/IP stack"
            + "|Copyright The Mbed TLS Contributors|Copyright \\(c\\) [0-9-]+ Swedish Institute of Computer Science");

    private final Path root = ProjectLayout.locate().root();

    @Test
    void noTrackedFileOutsideDocsCarriesALwipOrMbedTlsHeader() throws Exception {
        List<String> found = new ArrayList<>();
        for (String file : trackedFilesOutsideDocs()) {
            if (file.endsWith("/" + getClass().getSimpleName() + ".java")) {
                continue; // this test quotes the headers it looks for
            }
            String text = new String(Files.readAllBytes(root.resolve(file)), StandardCharsets.ISO_8859_1);
            if (HEADERS.matcher(text).find()) {
                found.add(file);
            }
        }
        assertEquals(List.of(), found, "lwIP or Mbed TLS files in the repository");
    }

    @Test
    void noTrackedFileIsOneOfTheReleaseFilesTheLwipBoardCompiles() throws Exception {
        Set<String> releaseFiles = Files.readAllLines(root.resolve("firmware-images/lwip/sources.sha256")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.substring(0, 64)).collect(Collectors.toSet());
        assertFalse(releaseFiles.isEmpty());
        List<String> copies = new ArrayList<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String file : trackedFilesOutsideDocs()) {
            if (releaseFiles.contains(HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(root.resolve(file)))))) {
                copies.add(file);
            }
        }
        assertEquals(List.of(), copies, "copies of lwIP or Mbed TLS release files");
    }

    @Test
    void theHeaderPatternMatchesWhatTheReleasesSay() {
        // Lines as the releases have them: the pattern must find them, or the first test could never fail.
        assertTrue(HEADERS.matcher(" * This file is part of the lwIP TCP/IP stack.").find());
        assertTrue(HEADERS.matcher(" * Copyright (c) 2001-2003 Swedish Institute of Computer Science.").find());
        assertTrue(HEADERS.matcher(" *  Copyright The Mbed TLS Contributors").find());
    }

    private List<String> trackedFilesOutsideDocs() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--", ".", ":!docs").directory(root.toFile()).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files failed: not a checkout?");
        List<String> files = new ArrayList<>();
        for (String f : out.split("\0")) {
            if (!f.isEmpty() && Files.isRegularFile(root.resolve(f))) {
                files.add(f);
            }
        }
        assertFalse(files.isEmpty(), "git lists no files");
        return files;
    }
}
