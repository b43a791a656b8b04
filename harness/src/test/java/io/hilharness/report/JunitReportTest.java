package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import io.hilharness.run.RunFolder;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitReportTest {
    @TempDir
    Path dir;

    private String xml;

    @BeforeEach
    void rebuildFromACraftedJournal() throws Exception {
        RunFolder run = new CraftedRun().write(dir);
        RunReports.rebuild(run);
        xml = Files.readString(run.dir().resolve(RunReports.JUNIT));
    }

    @Test
    void validatesAgainstTheSurefireJenkinsSchema() throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void theSchemaCatchesWhatJenkinsWouldReject() throws Exception {
        // Guards the test above: the schema is not so loose that anything passes.
        String broken = xml.replaceFirst("<testcase name=\"[^\"]*\"", "<testcase");
        assertThrows(SAXException.class, () -> schema().newValidator().validate(new StreamSource(new StringReader(broken))));
    }

    @Test
    void oneTestcasePerBootAndRoundWithTheRightVerdict() throws Exception {
        Document dom = HtmlReportTest.parse(xml);
        Element suite = (Element) dom.getElementsByTagName("testsuite").item(0);
        assertEquals(1, dom.getElementsByTagName("testsuite").getLength());
        assertEquals("reference-" + CraftedRun.SCRIPT + ":lab-ca", suite.getAttribute("name"));
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));

        NodeList cases = dom.getElementsByTagName("testcase");
        List<String> names = IntStream.range(0, cases.getLength())
                .mapToObj(i -> ((Element) cases.item(i)).getAttribute("name")).toList();
        assertEquals(List.of("boot 1 round 1", "boot 1 round 2", "boot 2 round 1", "boot 2 round 2",
                "boot 3 round 1", "boot 3 round 2"), names);
        assertEquals("lab-ca", ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals(0, ((Element) cases.item(0)).getChildNodes().getLength(), "a passed round has no children");
        assertEquals("boot_failed", child(cases.item(2), "error").getAttribute("type"));
        assertEquals("boot_failed", child(cases.item(3), "error").getAttribute("type"));
        assertTrue(child(cases.item(5), "skipped").getAttribute("message").contains("the campaign ended before this round"));
    }

    @Test
    void aRoundSkippedInABootTheCampaignLeftSaysItWentOn() throws Exception {
        CraftedRun crafted = new CraftedRun();
        // As after a watchdog: boot 1's second round never ran, and boots 2 and 3 followed.
        List<RoundRecord> rounds = crafted.rounds.stream().filter(r -> !(r.boot() == 1 && r.round() == 2)).toList();
        CampaignResult watchdog = new CampaignResult("lab-ca", "reference", dir, crafted.spec, crafted.boots, rounds);

        Element skipped = child(HtmlReportTest.parse(JunitReport.render(watchdog, List.of()))
                .getElementsByTagName("testcase").item(1), "skipped");

        assertTrue(skipped.getAttribute("message").contains("went on to the next boot"), skipped.getAttribute("message"));
    }

    @Test
    void aFailureCarriesItsOutcomeClassesAndTheDeviceLinesVerbatim() throws Exception {
        Element failure = child(HtmlReportTest.parse(xml).getElementsByTagName("testcase").item(1), "failure");
        assertEquals("server_alert x1", failure.getAttribute("message"));
        assertEquals("server_alert", failure.getAttribute("type"));
        String body = failure.getTextContent();
        assertTrue(body.startsWith("b1r2c2 port 40122: server_alert: fatal alert " + CraftedRun.SCRIPT + "\n"), body);
        // "]]>" inside the CDATA body survives as text; the bell is made visible, XML 1.0 forbids it
        assertTrue(body.contains("device line 8 @640: send alert " + CraftedRun.SCRIPT + " " + CraftedRun.IMG
                + " ]]> bell\\x07, port 40122"), body);
        assertFalse(body.contains(CraftedRun.KEY_BODY));
        assertFalse(body.contains("b1r2c1"), "only the failing connections: " + body);
    }

    private static Schema schema() throws SAXException {
        URL xsd = JunitReportTest.class.getResource("jenkins-junit.xsd");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    private static Element child(org.w3c.dom.Node parent, String name) {
        NodeList children = ((Element) parent).getElementsByTagName(name);
        assertEquals(1, children.getLength(), name);
        return (Element) children.item(0);
    }
}
