package io.hilharness.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hilharness.json.Json;
import io.hilharness.run.CampaignSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustTest {
    private static final LabCa ROOT = LabPki.newRootCa("trust test root");
    private static final ServerCredential LEAF = ROOT.issueServer(ServerIdentity.forIp("127.0.0.1"));
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    @Test
    void theJournalKeepsDescriptionKindAndPemAnchorsAsItAlwaysHas() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), PemCertificates.encode(ROOT.root()), StandardCharsets.US_ASCII);

        JsonNode system = JSON.valueToTree(Trust.system());
        JsonNode caFile = JSON.valueToTree(Trust.caFile(ca));

        assertEquals("{\"description\":\"system trust store\",\"kind\":\"system\",\"anchors\":[]}", system.toString());
        List<String> fields = new java.util.ArrayList<>();
        caFile.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("description", "kind", "anchors"), fields);
        assertEquals("CA file " + ca, caFile.get("description").asText());
        assertEquals("ca", caFile.get("kind").asText());
        assertEquals(PemCertificates.encode(ROOT.root()), caFile.get("anchors").get(0).asText());
    }

    @Test
    void aCampaignHeaderOfAnEarlierHarnessReadsItsTrust() throws Exception {
        String pem = JSON.writeValueAsString(PemCertificates.encode(ROOT.root()));
        String header = "{\"boots\":1,\"rounds\":2,\"mode\":\"SEQUENTIAL\",\"reset\":\"SOFT\",\"paths\":[\"/\"],"
                + "\"parallelism\":6,\"readyTimeout\":\"PT20S\",\"fetchTimeout\":\"PT10S\",\"roundInterval\":\"PT0S\","
                + "\"trust\":{\"description\":\"CA file runs/lab-ca/ca.pem\",\"kind\":\"ca\",\"anchors\":[" + pem + "]}}";

        CampaignSpec spec = JSON.readValue(header, CampaignSpec.class);

        assertEquals(Trust.caFile(Path.of("runs/lab-ca/ca.pem"), List.of(ROOT.root())), spec.trust());
        assertEquals(JSON.readTree(header).get("trust"), JSON.valueToTree(spec).get("trust"));
    }

    @Test
    void aTrustReadBackFromAJournalJudgesAsTheOneWritten() throws Exception {
        Trust written = Trust.caFile(Path.of("runs/x/ca.pem"), List.of(ROOT.root()));
        String line = JSON.writeValueAsString(written);

        Trust read = JSON.readValue(line, Trust.class);

        assertEquals(written, read);
        assertEquals(Trust.Kind.CA, read.kind());
        assertEquals("CA file runs/x/ca.pem", read.toString());
        assertEquals(List.of(ROOT.root()), read.roots());
        read.newTrustManager().checkServerTrusted(LEAF.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
    }

    @Test
    void aPinnedCertificateReadBackStillPinsItsKey() throws Exception {
        String line = JSON.writeValueAsString(Trust.pinned(Path.of("pin.pem"), List.of(LEAF.leaf())));

        Trust read = JSON.readValue(line, Trust.class);

        assertEquals(Trust.Kind.PINNED, read.kind());
        assertTrue(read.pins(LEAF.leaf()));
        assertFalse(read.pins(ROOT.root()));
    }

    @Test
    void aBareSpkiPinIsKeptWithoutAnchorsAndCannotJudgeFromTheJournal() throws Exception {
        String line = JSON.writeValueAsString(Trust.pinnedSpki(Spki.sha256Hex(LEAF.leaf())));
        assertTrue(line.contains("\"kind\":\"pinned\"") && line.contains("\"anchors\":[]"), line);

        Trust read = JSON.readValue(line, Trust.class);

        assertEquals(Trust.Kind.PINNED, read.kind());
        assertTrue(read.anchors().isEmpty());
        assertFalse(read.pins(LEAF.leaf()));
    }

    @Test
    void anchorsThatDoNotParseReadAsTheSystemStoreRatherThanFailTheJournal() throws Exception {
        Trust read = JSON.readValue("{\"description\":\"CA file x\",\"kind\":\"ca\",\"anchors\":[\"not a certificate\"]}",
                Trust.class);

        assertEquals(Trust.system(), read);
        assertEquals(Trust.Kind.SYSTEM, read.kind());
    }

    @Test
    void theSystemStoreHasTheJdksRootsForTheDoctorAndNoAnchorsForTheJournal() {
        Trust system = Trust.system();

        assertTrue(system.anchors().isEmpty());
        assertFalse(system.roots().isEmpty());
        assertEquals(system.roots().size(), system.trustAnchors().size());
    }

    @Test
    void aCaFileTrustsItsChainAndRejectsASelfSignedLeaf() throws Exception {
        var manager = Trust.caFile(Path.of("ca.pem"), List.of(ROOT.root())).newTrustManager();
        X509Certificate[] selfSigned = LabPki.selfSignedLeaf(ServerIdentity.forIp("127.0.0.1")).chain()
                .toArray(X509Certificate[]::new);

        manager.checkServerTrusted(LEAF.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
        assertThrows(CertificateException.class, () -> manager.checkServerTrusted(selfSigned, "ECDHE_ECDSA"));
    }

    @Test
    void anotherNameKeepsTheTrust() {
        Trust named = Trust.caFile(Path.of("ca.pem"), List.of(ROOT.root())).describedAs("trust file ca.pem");

        assertEquals("trust file ca.pem", named.toString());
        assertEquals(Trust.Kind.CA, named.kind());
        assertEquals(List.of(ROOT.root()), named.anchors());
    }
}
