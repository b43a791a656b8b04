package io.hilharness.report;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML in the Surefire/Jenkins shape that Jenkins, GitLab and GitHub render: one
 * testsuite for the board and image, one testcase per boot x round. A failed round carries its
 * outcome classes as the message and its failing connections with their device lines as the body.
 * A boot that never got ready errors its rounds; rounds never run (a killed run, a boot the watchdog cut short) are skipped.
 */
public final class JunitReport {
    /** Per failing connection, at most this many device lines go into the failure body. */
    static final int DEVICE_LINES_PER_CONNECTION = 60;

    private JunitReport() {
    }

    public static void write(CampaignResult result, List<String> notes, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(xml, result, notes).document();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("writing junit.xml: " + e.getMessage(), e);
        }
    }

    public static String render(CampaignResult result, List<String> notes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        write(result, notes, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private record Writer(XMLStreamWriter xml, CampaignResult result, List<String> notes) {
        void document() throws XMLStreamException {
            int tests = result.spec().boots() * result.spec().rounds();
            long failures = result.rounds().stream().filter(r -> !r.ok()).count();
            long errors = result.boots().stream().filter(b -> !b.ready()).count() * result.spec().rounds();
            long skipped = tests - failures - errors - result.rounds().stream().filter(RoundRecord::ok).count();
            String time = seconds(result.rounds().stream().map(JunitReport::duration).reduce(Duration.ZERO, Duration::plus));
            String suite = result.board() + ":" + result.image();

            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attr("name", "hil " + result.image());
            attr("tests", tests);
            attr("failures", failures);
            attr("errors", errors);
            attr("time", time);
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            attr("name", suite);
            attr("tests", tests);
            attr("failures", failures);
            attr("errors", errors);
            attr("skipped", skipped);
            attr("time", time);
            result.boots().stream().map(BootRecord::resetAt).filter(Objects::nonNull).findFirst()
                    .ifPresent(t -> attr("timestamp", t.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")));
            properties();
            xml.writeCharacters("\n");
            for (int b = 1; b <= result.spec().boots(); b++) {
                int boot = b;
                Optional<BootRecord> record = result.boots().stream().filter(x -> x.boot() == boot).findFirst();
                for (int r = 1; r <= result.spec().rounds(); r++) {
                    int round = r;
                    testcase(boot, round, record, result.rounds().stream()
                            .filter(x -> x.boot() == boot && x.round() == round).findFirst());
                    xml.writeCharacters("\n");
                }
            }
            if (!notes.isEmpty()) {
                xml.writeStartElement("system-err");
                xml.writeCharacters(XmlText.legal(String.join("\n", notes)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
        }

        private void properties() throws XMLStreamException {
            xml.writeStartElement("properties");
            property("image", result.image());
            property("board", result.board());
            property("mode", result.spec().mode().name().toLowerCase());
            property("reset", result.resets());
            property("paths", String.join(" ", result.spec().paths()));
            property("runDir", String.valueOf(result.runDir()));
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            xml.writeEmptyElement("property");
            attr("name", name);
            attr("value", value);
        }

        private void testcase(int boot, int round, Optional<BootRecord> bootRecord, Optional<RoundRecord> record)
                throws XMLStreamException {
            xml.writeStartElement("testcase");
            attr("name", "boot " + boot + " round " + round);
            attr("classname", result.image());
            attr("time", seconds(record.map(JunitReport::duration).orElse(Duration.ZERO)));
            if (bootRecord.isPresent() && !bootRecord.get().ready()) {
                xml.writeStartElement("error");
                attr("message", "boot " + boot + " not ready");
                attr("type", "boot_failed");
                xml.writeCharacters(XmlText.legal(bootRecord.get().failure()));
                xml.writeEndElement();
            } else if (record.isEmpty()) {
                xml.writeEmptyElement("skipped");
                boolean wentOn = result.boots().stream().anyMatch(b -> b.boot() > boot);
                attr("message", wentOn
                        ? "not run: the campaign went on to the next boot without it (the watchdog skips the rest of a boot that hangs)"
                        : "not run: the campaign ended before this round (stopped, aborted or killed: see the notes)");
            } else if (!record.get().ok()) {
                failure(record.get());
            }
            xml.writeEndElement();
        }

        private void failure(RoundRecord round) throws XMLStreamException {
            List<CorrelatedConnection> failing = round.connections().stream()
                    .filter(c -> c.client().outcome() != Outcome.OK).toList();
            Map<String, Long> classes = failing.stream().collect(Collectors.groupingBy(
                    c -> OutcomeColors.label(c.client().outcome()), TreeMap::new, Collectors.counting()));
            String message = round.connections().isEmpty() ? "no connections"
                    : classes.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
            xml.writeStartElement("failure");
            attr("message", message);
            attr("type", classes.isEmpty() ? "no_connections" : String.join(",", classes.keySet()));
            xml.writeCData(XmlText.cdata(body(failing)));
            xml.writeEndElement();
        }

        private void attr(String name, Object value) {
            try {
                xml.writeAttribute(name, XmlText.legal(String.valueOf(value)));
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The failing connections, each with what the client saw and the device lines for it. */
    static String body(List<CorrelatedConnection> failing) {
        StringBuilder out = new StringBuilder();
        for (CorrelatedConnection c : failing) {
            ConnectionRecord client = c.client();
            out.append(client.id()).append(" port ").append(client.localPort()).append(": ")
                    .append(OutcomeColors.label(client.outcome()));
            if (client.outcomeDetail() != null) {
                out.append(": ").append(client.outcomeDetail());
            }
            out.append('\n');
            // Redacted before the choice, which may drop a key block's BEGIN line and keep its body.
            List<String> all = DeviceLineText.texts(c.device());
            List<DeviceEvent> significant = new java.util.ArrayList<>();
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (DeviceLineText.significant(c.device().get(i))) {
                    significant.add(c.device().get(i));
                    lines.add(all.get(i));
                }
            }
            if (lines.isEmpty()) {
                out.append("  (no device lines for this port)\n");
            }
            for (int i = 0; i < Math.min(lines.size(), DEVICE_LINES_PER_CONNECTION); i++) {
                DeviceEvent e = significant.get(i);
                out.append("  device line ").append(e.seq()).append(" @").append(e.offset()).append(": ")
                        .append(lines.get(i)).append('\n');
            }
            if (lines.size() > DEVICE_LINES_PER_CONNECTION) {
                out.append("  ... ").append(lines.size() - DEVICE_LINES_PER_CONNECTION)
                        .append(" more in report.html and console.raw\n");
            }
        }
        return out.toString();
    }

    private static Duration duration(RoundRecord round) {
        if (round.start() == null || round.end() == null || round.end().isBefore(round.start())) {
            return Duration.ZERO;
        }
        return Duration.between(round.start(), round.end());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
