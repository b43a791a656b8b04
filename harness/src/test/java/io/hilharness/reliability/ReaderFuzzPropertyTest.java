package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hilharness.analyze.JournalClients;
import io.hilharness.certs.CredentialFiles;
import io.hilharness.certs.CredentialWriter;
import io.hilharness.certs.LabCa;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.PemFormatException;
import io.hilharness.certs.PemPrivateKeys;
import io.hilharness.certs.ServerCredential;
import io.hilharness.certs.ServerIdentity;
import io.hilharness.certs.doctor.DoctorFiles;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.report.CraftedRun;
import io.hilharness.report.RunFolderReader;
import io.hilharness.run.JournalException;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of damaged journals and certificate/key files (cut at any byte, bytes flipped, lines
 * dropped, duplicated or swapped, garbage spliced in, random bytes): every reader either reads them or
 * throws its own exception as one line naming the file (and the line, for journals); never another
 * exception type. A journal cut anywhere after its header is what a killed run leaves: it reads.
 */
class ReaderFuzzPropertyTest {
    private static final String[] JSON_GARBAGE = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u12", "null", "-",
        "1e999", "99999999999999999999", "\u0000", "\u00e9", "\ud83d\ude00", "\uFFFD", "true", "\"type\":\"boot\"",
        "\"data\":7", "\"boot\":\"x\"", "\"outcome\":\"NOPE\"", "\"start\":\"yesterday\"", "\n", "\r"};
    // Key headers are split so the source holds no key-block marker: they are garbage, not a key.
    private static final String[] PEM_GARBAGE = {"-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----",
        "-----BEGIN " + "PRIVATE KEY-----", "-----END " + "PRIVATE KEY-----", "-----BEGIN ", "-----", "=", "==", "\n", "\r\n",
        "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,00", "\u0000", "\u00e9", "MII", "!@#$"};

    private static Path dir;
    private static byte[] journal;
    private static byte[] chainPem;
    private static byte[] keyPem;
    private static byte[] certDer;
    private static byte[] keyDer;
    private static List<String> keySecrets;

    @BeforeContainer
    static void makeSamples() throws Exception {
        dir = Files.createTempDirectory("hil-reader-fuzz");
        Path run = Files.createDirectories(dir.resolve("sample-run"));
        new CraftedRun().write(run);
        // The crafted run was killed mid-record; the fuzzer makes its own cuts, so end it whole.
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("journal.jsonl")));
        lines.set(lines.size() - 1, "{\"type\":\"end\",\"data\":{\"at\":\"2026-11-27T10:01:00Z\",\"passed\":false}}");
        journal = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        ServerCredential credential = LabCa.newRoot("fuzz root").newIntermediate("fuzz intermediate")
                .issueServer(ServerIdentity.forIp("127.0.0.1"));
        CredentialFiles files = CredentialWriter.write(credential, Files.createDirectories(dir.resolve("creds")), false);
        chainPem = Files.readAllBytes(files.chain());
        keyPem = Files.readAllBytes(files.key());
        certDer = credential.leaf().getEncoded();
        keyDer = credential.privateKey().getEncoded();
        // Pieces of the key's base64 body: no error message may quote any of them.
        String body = Base64.getEncoder().encodeToString(keyDer);
        keySecrets = new ArrayList<>();
        for (int i = 0; i + 12 <= body.length(); i += 6) {
            keySecrets.add(body.substring(i, i + 12));
        }
    }

    @AfterContainer
    static void removeTempDir() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    // ---- journals ----

    @Property(tries = 2000)
    void aDamagedJournalReadsOrIsOneErrorNamingFileAndLine(@ForAll("journals") byte[] text) throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path file = Files.write(runDir.resolve("journal.jsonl"), text);
        RunFolder run = new RunFolder(runDir);
        try {
            new RunFolderReader().read(run);
        } catch (JournalException e) {
            assertOneLineNaming(file, e.getMessage(), text);
        } catch (Exception e) {
            fail("RunFolderReader: not a JournalException for:\n" + shown(text), e);
        }
        try {
            JournalEvidence.read(file);
        } catch (JournalException e) {
            assertOneLineNaming(file, e.getMessage(), text);
        } catch (Exception e) {
            fail("JournalEvidence: not a JournalException for:\n" + shown(text), e);
        }
        try {
            JournalClients.read(file);
        } catch (JournalException e) {
            assertOneLineNaming(file, e.getMessage(), text);
        } catch (Exception e) {
            fail("JournalClients: not a JournalException for:\n" + shown(text), e);
        }
    }

    /** What SIGKILL leaves: the journal up to any byte after its first record. All three readers take it. */
    @Property(tries = 500)
    void aJournalCutAnywhereAfterItsHeaderReads(@ForAll @IntRange(min = 0, max = 100_000) int cut) throws IOException {
        int headerEnd = indexOf(journal, (byte) '\n') + 1;
        byte[] text = Arrays.copyOf(journal, headerEnd + cut % (journal.length - headerEnd + 1));
        Path runDir = Files.createDirectories(dir.resolve("cut"));
        Path file = Files.write(runDir.resolve("journal.jsonl"), text);
        try {
            new RunFolderReader().read(new RunFolder(runDir));
            JournalEvidence.read(file);
            JournalClients.read(file);
        } catch (Exception e) {
            fail("a journal cut at byte " + text.length + " of " + journal.length + " does not read: " + e.getMessage(), e);
        }
    }

    // ---- certificates and keys ----

    @Property(tries = 2000)
    void aDamagedCertificateFileReadsOrIsOneErrorNamingTheFile(@ForAll("certificates") byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("cert.pem"), bytes);
        try {
            PemCertificates.read(file);
        } catch (PemFormatException e) {
            assertOneLineNaming(file, e.getMessage(), bytes);
        } catch (Exception e) {
            fail("PemCertificates: not a PemFormatException for:\n" + shown(bytes), e);
        }
        try {
            DoctorFiles.certificates(file);
        } catch (PemFormatException e) {
            assertOneLineNaming(file, e.getMessage(), bytes);
        } catch (Exception e) {
            fail("DoctorFiles.certificates: not a PemFormatException for:\n" + shown(bytes), e);
        }
    }

    @Property(tries = 2000)
    void aDamagedKeyFileReadsOrIsOneErrorThatNamesTheFileAndQuotesNoKey(@ForAll("keys") byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("key.pem"), bytes);
        for (int reader = 0; reader < 3; reader++) {
            try {
                switch (reader) {
                    case 0 -> PemPrivateKeys.read(file);
                    case 1 -> DoctorFiles.privateKey(file, null);
                    default -> DoctorFiles.privateKey(file, "wrong".toCharArray());
                }
            } catch (PemFormatException e) {
                assertOneLineNaming(file, e.getMessage(), bytes);
                for (String secret : keySecrets) {
                    assertFalse(e.getMessage().contains(secret), "the message quotes key material: " + e.getMessage());
                }
            } catch (Exception e) {
                fail("key reader " + reader + ": not a PemFormatException for:\n" + shown(bytes), e);
            }
        }
    }

    private static void assertOneLineNaming(Path file, String message, byte[] input) {
        assertTrue(message != null && message.startsWith(file.toString() + ":"), message + "\nfor:\n" + shown(input));
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertFalse(message.endsWith(": null") || message.contains("(null)") || message.contains(": null:"),
                "a reason, not 'null': " + message);
    }

    private static String shown(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length - 1;
    }

    @Provide
    Arbitrary<byte[]> journals() {
        return damaged(() -> journal, JSON_GARBAGE);
    }

    @Provide
    Arbitrary<byte[]> certificates() {
        return Arbitraries.oneOf(damaged(() -> chainPem, PEM_GARBAGE), damaged(() -> certDer, PEM_GARBAGE));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.oneOf(damaged(() -> keyPem, PEM_GARBAGE), damaged(() -> keyDer, PEM_GARBAGE),
                damaged(() -> chainPem, PEM_GARBAGE));
    }

    /** Line and byte damage to a sample, one or two at a time, plus plain random bytes. */
    private static Arbitrary<byte[]> damaged(java.util.function.Supplier<byte[]> sample, String[] garbage) {
        Arbitrary<byte[]> once = Combinators.combine(Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.of(garbage), Arbitraries.bytes())
                .as((kind, a, b, junk, flip) -> damage(sample.get(), kind, a, b, junk, flip));
        Arbitrary<byte[]> twice = once.flatMap(first -> Combinators.combine(Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.of(garbage), Arbitraries.bytes())
                .as((kind, a, b, junk, flip) -> damage(first, kind, a, b, junk, flip)));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Arbitraries.frequencyOf(Tuple.of(6, once), Tuple.of(3, twice), Tuple.of(1, random));
    }

    private static byte[] damage(byte[] sample, int kind, int a, int b, String junk, byte flip) {
        if (sample.length == 0) {
            return sample;
        }
        int at = a % sample.length;
        switch (kind) {
            case 0 -> {
                return Arrays.copyOf(sample, at); // cut
            }
            case 1 -> {
                byte[] out = sample.clone();
                out[at] = (byte) (out[at] ^ (flip == 0 ? 1 : flip)); // flip bits
                return out;
            }
            case 2 -> {
                byte[] insert = junk.getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[sample.length + insert.length];
                System.arraycopy(sample, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(sample, at, out, at + insert.length, sample.length - at);
                return out;
            }
            default -> {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(sample, StandardCharsets.ISO_8859_1).split("\n", -1)));
                int i = a % lines.size();
                int j = b % lines.size();
                String line = lines.get(i);
                switch (kind) {
                    case 3 -> lines.remove(i);
                    case 4 -> lines.add(j, line);
                    case 5 -> {
                        lines.set(i, lines.get(j));
                        lines.set(j, line);
                    }
                    default -> lines.set(i, line.substring(0, b % (line.length() + 1)));
                }
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
