package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Outcome;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.ConnectionPlacement;
import io.hilharness.run.RunFolder;
import io.hilharness.secrets.KeyRedaction;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {
    @TempDir
    Path dir;

    private String html;
    private Document dom;

    @BeforeEach
    void rebuildFromACraftedJournal() throws Exception {
        RunFolder run = new CraftedRun().write(dir);
        RunReports.rebuild(run, List.of(new ReportedFinding("alerts " + CraftedRun.SCRIPT, "high",
                List.of("device line 7: " + CraftedRun.IMG))));
        html = Files.readString(run.dir().resolve(RunReports.HTML));
        dom = parse(html);
    }

    @Test
    void hostileDeviceTextIsInertText() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a <script tag outside escaped text");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), "an <img tag outside escaped text");
        assertTrue(html.contains("send alert &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"), "escaped");

        List<Element> elements = elements(dom);
        for (Element e : elements) {
            String name = e.getTagName().toLowerCase(Locale.ROOT);
            assertFalse(List.of("script", "img", "iframe", "object", "embed", "link", "base").contains(name), name);
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.item(i).getNodeName().toLowerCase(Locale.ROOT);
                assertFalse(attribute.startsWith("on"), "event handler " + attribute + " on " + name);
                // no src or href: the page loads nothing, from the network or elsewhere
                assertFalse(attribute.equals("src") || attribute.equals("href"), attribute + " on " + name);
            }
        }
        // The parsed page holds the hostile text as plain text, exactly as the device sent it.
        String text = dom.getDocumentElement().getTextContent();
        assertTrue(text.contains("send alert " + CraftedRun.SCRIPT + " " + CraftedRun.IMG), "device line kept as text");
        assertTrue(text.contains("bell\\x07"), "control character shown, not passed through");
        assertTrue(text.contains("no ready line within 20 s; last console lines: " + CraftedRun.SCRIPT));
        assertTrue(text.contains("reference-" + CraftedRun.SCRIPT), "board name from the journal header");
    }

    @Test
    void aContentSecurityPolicyForbidsScriptsAsWell() {
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
    }

    @Test
    void privateKeysInDeviceLinesAreRedacted() {
        assertFalse(html.contains(CraftedRun.KEY_BODY));
        assertTrue(html.contains(KeyRedaction.REDACTED));
    }

    @Test
    void chartsAreInlineSvg() {
        List<Element> svgs = elements(dom).stream().filter(e -> e.getTagName().equals("svg")).toList();
        // boots 1 and 3 have a timeline (boot 2 never got ready), plus three failure-rate charts
        assertEquals(5, svgs.size());
        List<String> labels = svgs.stream().map(e -> e.getAttribute("aria-label")).toList();
        assertTrue(labels.containsAll(List.of("timeline of boot 1", "timeline of boot 3", "failed connections per boot",
                "by concurrency (connections open at its start)", "by connection index since boot")), labels.toString());
        Element boot1 = svgs.get(0);
        List<String> fills = elements(boot1).stream().filter(e -> e.getTagName().equals("rect"))
                .map(e -> e.getAttribute("fill")).toList();
        assertEquals(List.of(OutcomeColors.of(Outcome.OK), OutcomeColors.of(Outcome.OK), OutcomeColors.of(Outcome.OK),
                OutcomeColors.of(Outcome.SERVER_ALERT)), fills);
        assertTrue(html.contains("<title>failed connections per boot</title>") || html.contains("boot 1: 1 of 4 failed"));
    }

    @Test
    void findingsAreRenderedEscapedInTheirSection() {
        assertTrue(html.contains("<h2 id=\"findings\">Findings</h2>"));
        assertTrue(html.contains("alerts &lt;script&gt;"));
        assertTrue(html.contains("confidence: high"));
        assertTrue(html.contains("device line 7: &lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void failedConnectionsOpenWithClientAndDeviceSideBySide() {
        List<Element> open = elements(dom).stream()
                .filter(e -> e.getTagName().equals("details") && e.hasAttribute("open")).toList();
        assertEquals(1, open.size());
        String text = open.get(0).getTextContent();
        assertTrue(text.contains("b1r2c2 port 40122"), text);
        assertTrue(text.contains("TLS handshake ended after 120 ms (TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)"), text);
        assertTrue(text.contains("accepted connection from 127.0.0.1, port 40122"), text);
        assertTrue(html.contains("TLS handshake done after 120 ms"), "a connection that got a response handshook");
        assertTrue(text.contains("line 7 @560"), "device lines name their place in the capture: " + text);
    }

    @Test
    void passedConnectionsBeyondTheDetailBudgetShowTheirSummaryOnlyAndFailedOnesStayWhole() throws Exception {
        CampaignResult result = new RunFolderReader().read(new RunFolder(dir)).result();
        StringBuilder out = new StringBuilder();
        ConnectionDrillDown.render(out, result, ConnectionPlacement.of(result.rounds()), 1, () -> { });
        String page = out.toString();
        assertTrue(page.contains("5 connections passed; the first 1 are shown line by line"), page);
        assertTrue(page.contains("accepted connection from 127.0.0.1, port 40111"), "the first passed connection in full");
        assertTrue(page.contains("b1r1c2 port 40112"), "a later passed one keeps its summary line");
        String summary = page.substring(page.indexOf("b1r1c2 port 40112"));
        assertFalse(summary.substring(0, summary.indexOf("</summary>")).contains("device lines"),
                "without a count of lines memory may not hold: " + summary);
        assertFalse(page.contains("accepted connection from 127.0.0.1, port 40112"), "but not its lines");
        assertTrue(page.contains("accepted connection from 127.0.0.1, port 40122"), "the failed connection in full");
    }

    @Test
    void notesOfAKilledRunAreShown() {
        assertTrue(html.contains("is cut short"));
        assertTrue(html.contains("FAILED"));
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    static List<Element> elements(Document document) {
        return elements(document.getDocumentElement());
    }

    static List<Element> elements(Element root) {
        List<Element> out = new ArrayList<>();
        out.add(root);
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }
}
