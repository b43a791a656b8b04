package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.Outcome;
import io.hilharness.crash.DeathReports;
import io.hilharness.crash.DecodedCrash;
import io.hilharness.devlog.EventType;
import io.hilharness.diagnose.rules.CrashRule;
import io.hilharness.diagnose.rules.HangRule;
import io.hilharness.diagnose.rules.RebootDependenceRule;
import io.hilharness.run.BootRecord;
import io.hilharness.run.CrashRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crash finding, from boots the campaign ended as crashed (see CampaignLoopTest for how they come to be). */
class CrashRuleTest {
    private static final String ASSERTION = "ERROR: httpd.c 210: assertion \"slot != NULL\" failed: file \"src/httpd.c\", "
            + "line 210, function: handle";

    /** Boot 1 dies serving its 3rd connection (round 3); boot 2 runs all 5 rounds. */
    private static Synthetic campaign() {
        Synthetic s = new Synthetic();
        s.boot().rounds(3, i -> i < 3 ? Synthetic.ok() : Synthetic.conn(Outcome.RESET, "unexpected end of stream")
                .line(Synthetic.Lines.request("/style.css")).line(b -> b.type(EventType.CRASH).message(ASSERTION)).withoutEnd());
        s.boot().rounds(5, i -> Synthetic.ok());
        return s;
    }

    private static Evidence crashed(Synthetic s, String elfNote) {
        DecodedCrash decoded = DecodedCrash.of(DeathReports.read(List.of(ASSERTION, "Backtrace: 0x402f34 0x403da5"))
                .orElseThrow(), null);
        List<BootRecord> boots = new ArrayList<>(s.boots());
        boots.set(0, boots.get(0).withCrash(new CrashRecord(1, 3, Instant.parse("2026-01-01T00:00:05Z"), decoded.report().reason(),
                decoded.location(), "b1r3c1", 50002, elfNote, decoded, List.of())));
        return Evidence.of("synthetic", null, boots, s.roundRecords());
    }

    @Test
    void namesTheDeathTheTriggeringConnectionAndTheLocation() {
        Evidence evidence = crashed(campaign(), "killed by signal 6 (SIGABRT)");
        List<Finding> findings = new CrashRule().evaluate(evidence);

        assertEquals(1, findings.size());
        Finding crash = findings.get(0);
        assertEquals("The board crashed in 1 of 2 boots: assertion \"slot != NULL\" failed (handle at src/httpd.c:210) while "
                + "serving connection b1r3c1 (port 50002); each crashed boot ended there and the campaign went on with the next.",
                crash.rootCause());
        assertEquals("1 (round 3) of 2", crash.facts().get("crashed boots"));
        assertEquals("killed by signal 6 (SIGABRT)", crash.facts().get("board process"));
        assertEquals(List.of("b1r3c1"), crash.explains());
        assertTrue(crash.facts().get(decodedKey(crash)).startsWith("backtrace #0 0x402f34; backtrace #1 0x403da5"),
                crash.facts().toString());
        assertTrue(crash.fix().contains("elf: in its manifest or the lab config"), crash.fix());
        EvidenceItem trigger = crash.evidence().get(0);
        assertEquals("b1r3c1", trigger.connection());
        assertTrue(trigger.deviceLines().stream().anyMatch(l -> l.text().contains("assertion")), trigger.toString());
    }

    @Test
    void aCampaignWithoutACrashHasNoCrashFinding() {
        assertTrue(new CrashRule().evaluate(campaign().evidence()).isEmpty());
    }

    @Test
    void theCrashedConnectionIsNoHang() {
        assertFalse(new HangRule().evaluate(campaign().evidence()).isEmpty(), "without the crash record it looks like one");
        assertTrue(new HangRule().evaluate(crashed(campaign(), null)).isEmpty());
    }

    @Test
    void aCrashedBootCountsInTheRebootDependenceStatistics() {
        // Every boot of ten connections: boot 1 dies at its 10th, in round 10; 20 failures in boot 2 are not chance.
        Synthetic s = new Synthetic();
        s.boot().rounds(10, i -> i < 10 ? Synthetic.ok() : Synthetic.conn(Outcome.RESET, "reset").withoutEnd());
        s.boot().rounds(20, i -> Synthetic.conn(Outcome.RESET, "reset"));
        s.boot().rounds(20, i -> Synthetic.ok());
        List<BootRecord> boots = new ArrayList<>(s.boots());
        boots.set(0, boots.get(0).withCrash(new CrashRecord(1, 10, Instant.EPOCH, "HardFault", null, null, null, null, null, List.of())));
        Finding dependence = new RebootDependenceRule().evaluate(Evidence.of("synthetic", null, boots, s.roundRecords())).get(0);

        assertTrue(dependence.facts().get("failures per boot").startsWith("boot 1: 1/10, boot 2: 20/20"),
                dependence.facts().toString());
    }

    private static String decodedKey(Finding f) {
        return f.facts().keySet().stream().filter(k -> k.startsWith("raw addresses")).findFirst().orElseThrow();
    }
}
