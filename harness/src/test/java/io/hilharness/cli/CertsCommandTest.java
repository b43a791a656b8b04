package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.PemPrivateKeys;
import io.hilharness.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil certs issue} and {@code hil certs doctor} end to end, in process: exit codes, output, secrets. */
class CertsCommandTest {

    @TempDir
    Path dir;

    private Path pki;

    /** What one command run printed. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run hil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = HilCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void issue() {
        pki = dir.resolve("pki");
        Run run = hil("certs", "issue", "--out", pki.toString(), "--ip", "127.0.0.1", "--dns", "board.lab",
                "--intermediate");
        assertEquals(0, run.exit(), run.all());
    }

    private String file(String name) {
        return pki.resolve(name).toString();
    }

    @Test
    void issueWritesPemHeadersAndAnOwnerOnlyKey() throws Exception {
        List<X509Certificate> chain = PemCertificates.read(pki.resolve("chain.pem"));
        X509Certificate ca = PemCertificates.read(pki.resolve("ca.pem")).get(0);

        assertEquals(2, chain.size(), "leaf and intermediate");
        assertEquals(0, chain.get(1).getBasicConstraints(), "intermediate pathLen 0");
        assertEquals(1, ca.getBasicConstraints(), "root pathLen 1 above one intermediate");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve("key.pem"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve("key.h"))));
        String header = Files.readString(pki.resolve("certs.h"));
        assertTrue(header.contains("static const unsigned char lab_server_cert_der[] = {"), header);
        assertTrue(header.contains("static const unsigned int lab_server_cert_der_len = "
                + chain.get(0).getEncoded().length + ";"), header);
        assertTrue(header.contains("lab_intermediate_cert_der_len = " + chain.get(1).getEncoded().length + ";"));
        assertTrue(header.contains("lab_ca_cert_der_len = " + ca.getEncoded().length + ";"));
        assertFalse(header.contains("key"), "the certificate header holds no key material");
    }

    @Test
    void reRunningIssueNeverReplacesTheKeySilently() throws Exception {
        byte[] key = Files.readAllBytes(pki.resolve("key.pem"));

        Run again = hil("certs", "issue", "--out", pki.toString(), "--ip", "127.0.0.1");

        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("refusing to replace a key silently"), again.err());
        assertArrayEquals(key, Files.readAllBytes(pki.resolve("key.pem")));

        Run forced = hil("certs", "issue", "--out", pki.toString(), "--ip", "127.0.0.1", "--force");
        assertEquals(0, forced.exit(), forced.all());
        assertTrue(forced.out().contains("replaced the existing key"), forced.out());
        assertFalse(java.util.Arrays.equals(key, Files.readAllBytes(pki.resolve("key.pem"))));
    }

    @Test
    void rsaLeafWithoutIntermediate() throws Exception {
        Path rsa = dir.resolve("rsa");
        Run run = hil("certs", "issue", "--out", rsa.toString(), "--dns", "board.lab", "--key-type", "rsa-2048");
        assertEquals(0, run.exit(), run.all());

        List<X509Certificate> chain = PemCertificates.read(rsa.resolve("chain.pem"));
        assertEquals(1, chain.size());
        assertEquals("SHA256withRSA", chain.get(0).getSigAlgName());
        assertEquals(0, PemCertificates.read(rsa.resolve("ca.pem")).get(0).getBasicConstraints(), "root pathLen 0");
        Run doctor = hil("certs", "doctor", rsa.resolve("chain.pem").toString(), "--trust",
                rsa.resolve("ca.pem").toString(), "--key", rsa.resolve("key.pem").toString(), "--host", "board.lab");
        assertEquals(0, doctor.exit(), doctor.all());
    }

    @Test
    void doctorPassesTheIssuedPkiAndNeverPrintsTheKey() throws Exception {
        Run table = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key", file("key.pem"),
                "--host", "127.0.0.1", "--host", "board.lab");
        Run json = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key", file("key.pem"),
                "--host", "127.0.0.1", "--json");

        assertEquals(0, table.exit(), table.all());
        assertTrue(table.out().contains("verdict: ok (0 error(s), 0 warning(s))"), table.out());
        assertTrue(table.out().contains("the private key matches the leaf"), table.out());
        assertEquals(0, json.exit(), json.all());
        JsonNode report = Json.mapper().readTree(json.out());
        assertEquals("ok", report.get("verdict").asText());
        assertEquals(2, report.get("chain").size());
        assertNoKeyBytes(pki.resolve("key.pem"), table.all(), json.all());
    }

    @Test
    void keyGivenAsTheChainIsBadInputAndStaysSecret() throws Exception {
        Run run = hil("certs", "doctor", file("key.pem"));

        assertBadInput(run, "key.pem: block 1 is a private key, not a certificate");
        assertNoKeyBytes(pki.resolve("key.pem"), run.all());
    }

    @Test
    void doctorFindsProblemsWithExitCodeOne() {
        Run system = hil("certs", "doctor", file("chain.pem"), "--host", "127.0.0.1");
        Run wrongHost = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--host", "127.0.0.2");
        Run clock = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--device-time", "1970-01-01");
        Run wrongKey = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key",
                otherKey().toString());

        assertEquals(1, system.exit(), system.all());
        assertTrue(system.out().contains("not trusted by the system trust store"), system.out());
        assertEquals(1, wrongHost.exit(), wrongHost.all());
        assertTrue(wrongHost.out().contains("but clients use 127.0.0.2"), wrongHost.out());
        assertEquals(1, clock.exit(), clock.all());
        assertTrue(clock.out().contains("board clock not set"), clock.out());
        assertEquals(1, wrongKey.exit(), wrongKey.all());
        assertTrue(wrongKey.out().contains("does not match the leaf"), wrongKey.out());
    }

    private Path otherKey() {
        Path other = dir.resolve("other");
        assertEquals(0, hil("certs", "issue", "--out", other.toString(), "--ip", "127.0.0.1").exit());
        return other.resolve("key.pem");
    }

    @Test
    void imageFolderGivesChainKeyAndBufferSize() throws Exception {
        Path image = dir.resolve("image");
        Files.createDirectories(image.resolve("certs"));
        for (String name : List.of("chain.pem", "key.pem", "ca.pem")) {
            Files.copy(pki.resolve(name), image.resolve("certs").resolve(name));
        }
        Files.writeString(image.resolve("manifest.yaml"), "name: tiny\ncert_chain: certs/chain.pem\n"
                + "private_key: certs/key.pem\ncontent_dir: content\ntrust: certs/ca.pem\nout_content_len: 512\n");

        Run run = hil("certs", "doctor", "--image", image.toString());
        Run system = hil("certs", "doctor", "--image", image.toString(), "--trust", "system");

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("MBEDTLS_SSL_OUT_CONTENT_LEN 512"), run.out());
        assertTrue(run.out().contains("the private key matches the leaf"), run.out());
        assertTrue(run.out().contains("trusted by the trust file " + image.resolve("certs/ca.pem")), run.out());
        assertTrue(system.out().contains("not trusted by the system trust store"), system.out());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a certificate\n");
        String pem = Files.readString(pki.resolve("chain.pem"));
        Path truncated = Files.writeString(dir.resolve("truncated.pem"), pem.substring(0, pem.length() / 3));
        // Whole base64 lines, so the PEM decodes and the DER inside is what is cut short.
        String firstLines = String.join("\n", pem.lines().limit(4).toList());
        Path cut = Files.writeString(dir.resolve("cut.pem"), firstLines + "\n-----END CERTIFICATE-----\n");
        Path badBase64 = Files.writeString(dir.resolve("bad64.pem"), pem.substring(0, 100) + "\n-----END CERTIFICATE-----\n");

        assertBadInput(hil("certs", "doctor", text.toString()), "notes.txt: not a certificate");
        assertBadInput(hil("certs", "doctor", truncated.toString()), "truncated.pem: truncated PEM");
        assertBadInput(hil("certs", "doctor", cut.toString()), "cut.pem: PEM block 1 is not a valid X.509 certificate");
        assertBadInput(hil("certs", "doctor", badBase64.toString()), "bad64.pem: damaged PEM");
        assertBadInput(hil("certs", "doctor", dir.resolve("missing.pem").toString()), "missing.pem: no such file");
        assertBadInput(hil("certs", "doctor", file("chain.pem"), "--key", file("chain.pem")),
                "chain.pem: holds a certificate, not a private key");
        assertBadInput(hil("certs", "doctor", file("chain.pem"), "--device-time", "yesterday"), "--device-time");
        assertBadInput(hil("certs", "doctor"), "give exactly one of");
        assertBadInput(hil("certs", "doctor", file("chain.pem"), "--connect", "127.0.0.1:1"), "give exactly one of");
        assertBadInput(hil("certs", "issue", "--out", dir.resolve("x").toString()), "at least one --ip or --dns");
    }

    @Test
    void connectToNothingIsBadInput() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run run = hil("certs", "doctor", "--connect", "127.0.0.1:" + port, "--timeout", "5");

        assertBadInput(run, "127.0.0.1:" + port + ": no certificate received (connection refused");
        assertBadInput(hil("certs", "doctor", "--connect", "127.0.0.1"), "is not HOST:PORT");
    }

    @Test
    void encryptedKeyNeedsItsPassword() throws Exception {
        PrivateKey key = PemPrivateKeys.read(pki.resolve("key.pem"));
        Path encrypted = dir.resolve("encrypted-key.pem");
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(encrypted))) {
            writer.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .setPassword("bench".toCharArray()).build()));
        }

        Run without = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key", encrypted.toString());
        Run wrong = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key", encrypted.toString(),
                "--key-password=wrong");
        Run with = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--key", encrypted.toString(),
                "--key-password=bench");

        assertBadInput(without, "the private key is encrypted; give its password with --key-password");
        assertBadInput(wrong, "wrong password");
        assertEquals(0, with.exit(), with.all());
        assertTrue(with.out().contains("the private key matches the leaf"), with.out());
        assertNoKeyBytes(pki.resolve("key.pem"), without.all(), wrong.all(), with.all());
        assertFalse(with.all().contains("bench"), "the password is not echoed");
    }

    /** --key takes DER too, PKCS#8 or traditional, EC or RSA: each is matched with the leaf, none is printed. */
    @Test
    void derKeysInEveryFormAreMatchedWithTheLeaf() throws Exception {
        Path rsa = dir.resolve("rsa");
        Run issue = hil("certs", "issue", "--out", rsa.toString(), "--ip", "127.0.0.1", "--key-type", "rsa-2048");
        assertEquals(0, issue.exit(), issue.all());
        PrivateKey ecKey = PemPrivateKeys.read(pki.resolve("key.pem"));
        PrivateKey rsaKey = PemPrivateKeys.read(rsa.resolve("key.pem"));
        Map<Path, Path> keysAndTheirPki = new LinkedHashMap<>();
        keysAndTheirPki.put(derKey("ec-pkcs8.der", ecKey.getEncoded()), pki);
        keysAndTheirPki.put(derKey("ec-sec1.der", traditionalDer(ecKey, "EC PRIVATE KEY")), pki);
        keysAndTheirPki.put(derKey("rsa-pkcs8.der", rsaKey.getEncoded()), rsa);
        keysAndTheirPki.put(derKey("rsa-pkcs1.der", traditionalDer(rsaKey, "RSA PRIVATE KEY")), rsa);

        for (Map.Entry<Path, Path> key : keysAndTheirPki.entrySet()) {
            Path issued = key.getValue();
            Run run = hil("certs", "doctor", issued.resolve("chain.pem").toString(), "--key", key.getKey().toString(),
                    "--trust", issued.resolve("ca.pem").toString());

            assertEquals(0, run.exit(), key.getKey() + ": " + run.all());
            assertTrue(run.out().contains("the private key matches the leaf"), run.out());
            assertNoKeyBytes(issued.resolve("key.pem"), run.all());
            assertNoDerBytes(key.getKey(), run.all());
        }
    }

    @Test
    void garbageGivenAsADerKeyIsBadInput() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05, 0x7f, 0x00});

        Run run = hil("certs", "doctor", file("chain.pem"), "--key", garbage.toString(), "--trust", file("ca.pem"));

        assertBadInput(run, "garbage.der: not a readable private key");
    }

    private Path derKey(String name, byte[] der) throws Exception {
        Path file = Files.write(dir.resolve(name), der);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * What {@code openssl ec|rsa -outform DER} writes: the body of the traditional PEM block. The key goes
     * through Bouncy Castle first: the JDK's EC encoding leaves the curve out of the inner SEC1 structure,
     * which openssl never does in a SEC1 file.
     */
    private static byte[] traditionalDer(PrivateKey key, String expectedType) throws Exception {
        PrivateKey bcKey = KeyFactory.getInstance(key.getAlgorithm(), new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        PemObject block = new JcaMiscPEMGenerator(bcKey).generate();
        assertEquals(expectedType, block.getType());
        if (expectedType.startsWith("EC")) {
            assertNotNull(ECPrivateKey.getInstance(block.getContent()).getParametersObject(), "SEC1 with its curve");
        }
        return block.getContent();
    }

    /** Neither hex nor base64 of any 12-byte run of a DER key file may be printed. */
    private static void assertNoDerBytes(Path derFile, String... outputs) throws Exception {
        byte[] der = Files.readAllBytes(derFile);
        for (int i = 0; i + 12 <= der.length; i += 12) {
            byte[] chunk = java.util.Arrays.copyOfRange(der, i, i + 12);
            for (String output : outputs) {
                assertFalse(output.contains(HexFormat.of().formatHex(chunk)), "key bytes in the output (hex)");
                assertFalse(output.contains(Base64.getEncoder().encodeToString(chunk)), "key bytes in the output (base64)");
            }
        }
    }

    @Test
    void firmwareHeadersCompile() throws Exception {
        Path gcc = Path.of("/usr/bin/gcc");
        Assumptions.assumeTrue(Files.isExecutable(gcc), "gcc is not installed");
        Path main = Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\n#include \"certs.h\"\n"
                + "#include \"key.h\"\nint main(void) {\n"
                + "  printf(\"%u %u %u %u %02x\\n\", lab_server_cert_der_len, lab_intermediate_cert_der_len,\n"
                + "         lab_ca_cert_der_len, lab_server_key_der_len > 0, lab_server_cert_der[0]);\n  return 0;\n}\n");
        Path binary = dir.resolve("main");
        run(gcc.toString(), "-Wall", "-Werror", "-I", pki.toString(), "-o", binary.toString(), main.toString());

        String printed = run(binary.toString()).trim();

        List<X509Certificate> chain = PemCertificates.read(pki.resolve("chain.pem"));
        int ca = PemCertificates.read(pki.resolve("ca.pem")).get(0).getEncoded().length;
        assertEquals(chain.get(0).getEncoded().length + " " + chain.get(1).getEncoded().length + " " + ca + " 1 30",
                printed);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + List.of(command));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static void assertBadInput(Run run, String expected) {
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.all().contains("\tat ") || run.all().contains("Caused by"), "no stack trace: " + run.all());
        if (run.err().startsWith("hil: ")) {
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        }
    }

    /** Neither the PEM body of the key nor the base64 of its encoded bytes (in any chunk) may be printed. */
    private static void assertNoKeyBytes(Path keyFile, String... outputs) throws Exception {
        String pem = Files.readString(keyFile);
        List<String> secrets = new ArrayList<>();
        pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
        String encoded = Base64.getEncoder().encodeToString(PemPrivateKeys.read(keyFile).getEncoded());
        for (int i = 0; i + 16 <= encoded.length(); i += 16) {
            secrets.add(encoded.substring(i, i + 16));
        }
        assertFalse(secrets.isEmpty());
        for (String output : outputs) {
            assertFalse(output.contains("PRIVATE KEY"), output);
            for (String secret : secrets) {
                assertFalse(output.contains(secret), "key bytes in the output: " + secret);
            }
        }
    }

    /** A real capture of the reference firmware at debug level 4: the chain it dumped is the one examined or compared. */
    @Test
    void theChainABoardDumpedInItsLogIsExaminedOrComparedByteForByte() {
        String log = io.hilharness.image.ProjectLayout.locate().root()
                .resolve("fixtures/devlog/refboard-mbedtls-ports.log").toString();
        Run alone = hil("certs", "doctor", "--device-log", log);
        assertEquals(1, alone.exit(), alone.all());
        assertTrue(alone.out().contains("the chain dumped in " + log), alone.out());
        assertTrue(alone.out().contains("CN=127.0.0.1"), alone.out());

        Run compared = hil("certs", "doctor", file("chain.pem"), "--trust", file("ca.pem"), "--device-log", log);
        assertEquals(1, compared.exit(), compared.all());
        assertTrue(compared.out().contains("device-dump") && compared.out().contains("sent another chain"), compared.out());

        Run noDump = hil("certs", "doctor", "--device-log", io.hilharness.image.ProjectLayout.locate().root()
                .resolve("fixtures/devlog/board-selfsigned.log").toString());
        assertEquals(2, noDump.exit(), noDump.all());
        assertTrue(noDump.err().contains("no dumped TLS Certificate message"), noDump.err());
    }

    /** A run folder without capture, or whose capture failed, is one clear line and exit 2. */
    @Test
    void aCaptureThatIsNotThereIsOneClearLine() throws Exception {
        Path run = java.nio.file.Files.createDirectories(dir.resolve("run"));
        Run none = hil("certs", "doctor", "--capture", run.toString());
        assertEquals(2, none.exit(), none.all());
        assertTrue(none.err().contains("holds no wire.json (was the run made with hil run --capture?)"), none.err());
        assertEquals(1, none.err().strip().lines().count(), none.err());

        io.hilharness.capture.WireEvidence.unavailable("no capture: cannot start dumpcap", 8443).write(run);
        Run failed = hil("certs", "doctor", "--capture", run.toString());
        assertEquals(2, failed.exit(), failed.all());
        assertTrue(failed.err().contains("says there is no capture: no capture: cannot start dumpcap"), failed.err());
    }
}
