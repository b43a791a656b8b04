package io.hilharness.crash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a death report out of the console lines a board printed as it died. The formats are the
 * ones boards print by default (samples and their sources in DeathReportsTest):
 * <ul>
 *   <li>assertions: newlib's {@code __assert_func} (Cortex-M toolchains, ESP-IDF v4), ESP-IDF v5's
 *       {@code assert failed:}, glibc's {@code __assert_fail}, lwIP's default {@code LWIP_PLATFORM_ASSERT};</li>
 *   <li>ESP-IDF panics ({@code Guru Meditation Error}, {@code abort() was called at PC}) with their
 *       register dump (PC, or MEPC/RA on RISC-V) and {@code Backtrace:} line;</li>
 *   <li>Cortex-M fault dumps with PC and LR: Mbed OS's fault handler, Zephyr's, and the classic
 *       {@code hard_fault_handler_c} printout ({@code PC [R15] = ...}).</li>
 * </ul>
 * Anything else that a death line marks is a report of kind {@code crash} with its first line as reason.
 */
public final class DeathReports {
    /** A report longer than this is cut: register dumps and backtraces fit well within it. */
    static final int MAX_LINES = 60;

    private static final Pattern NEWLIB_ASSERT = Pattern.compile(
            "assertion \"(.*)\" failed: file \"([^\"]*)\", line (\\d{1,9})(?:, function: ([^\\s,]+))?");
    private static final Pattern ESP_IDF_ASSERT = Pattern.compile("assert failed: (\\S+) (\\S+?):(\\d{1,9}) \\((.*)\\)");
    private static final Pattern GLIBC_ASSERT = Pattern.compile("(\\S+?):(\\d{1,9}): ([^:]+): Assertion [`'](.*)' failed");
    private static final Pattern LWIP_ASSERT = Pattern.compile("Assertion \"(.*)\" failed at line (\\d{1,9}) in (\\S+)");
    private static final Pattern GURU = Pattern.compile(
            "Guru Meditation Error(?::? Core\\s+(\\d+) panic'ed \\(([^)]*)\\)| of type (\\w+) occurred on core (\\d+))");
    private static final Pattern ABORT = Pattern.compile("abort\\(\\) was called at PC (0x[0-9a-fA-F]{1,16})(?: on core (\\d+))?");
    private static final Pattern MBED_FAULT = Pattern.compile("FaultType: (\\w+)");
    private static final Pattern ZEPHYR_FAULT = Pattern.compile("\\*{3,} ([A-Z][A-Z ]{0,40}FAULT) \\*{3,}");
    private static final Pattern HARD_FAULT = Pattern.compile("hard ?fault", Pattern.CASE_INSENSITIVE);
    private static final Pattern PC = Pattern.compile("(?:\\bPC\\s*(?:\\[R15\\]\\s*)?[:=]|\\bMEPC\\s*:|\\(r15/pc\\):"
            + "|Faulting instruction address =)\\s*(?:0x)?([0-9a-fA-F]{1,16})\\b");
    private static final Pattern LR = Pattern.compile("(?:\\bLR\\s*(?:\\[R14\\]\\s*)?[:=]|\\bRA\\s*:|\\br14/lr:)\\s*(?:0x)?([0-9a-fA-F]{1,16})\\b");
    private static final Pattern BACKTRACE = Pattern.compile("Backtrace:\\s*(.*)");
    private static final Pattern BACKTRACE_PC = Pattern.compile("0x([0-9a-fA-F]{1,16})(?::0x[0-9a-fA-F]{1,16})?");
    /** ESP-IDF's last line before the chip restarts; what follows is the next boot's ROM output. */
    private static final String RESTARTING = "Rebooting...";

    private DeathReports() {
    }

    /** The report that starts with {@code lines.get(0)}, the death line; empty for no lines. */
    public static Optional<DeathReport> read(List<String> lines) {
        List<String> report = new ArrayList<>();
        for (String line : lines) {
            if (report.size() == MAX_LINES || (!report.isEmpty() && line.contains(RESTARTING))) {
                break;
            }
            report.add(line);
        }
        if (report.isEmpty()) {
            return Optional.empty();
        }
        String[] kindReasonWhere = assertion(report);
        if (kindReasonWhere == null) {
            kindReasonWhere = fault(report);
        }
        return Optional.of(new DeathReport(kindReasonWhere[0], kindReasonWhere[1], kindReasonWhere[2],
                addresses(report), report));
    }

    private static String[] assertion(List<String> report) {
        for (String line : report) {
            Matcher m = NEWLIB_ASSERT.matcher(line);
            if (m.find()) {
                return assertion(m.group(1), m.group(2), m.group(3), m.group(4));
            }
            if ((m = ESP_IDF_ASSERT.matcher(line)).find()) {
                return assertion(m.group(4), m.group(2), m.group(3), m.group(1));
            }
            if ((m = GLIBC_ASSERT.matcher(line)).find()) {
                return assertion(m.group(4), m.group(1), m.group(2), m.group(3));
            }
            if ((m = LWIP_ASSERT.matcher(line)).find()) {
                return assertion(m.group(1), m.group(3), m.group(2), null);
            }
        }
        return null;
    }

    private static String[] assertion(String expression, String file, String line, String function) {
        return new String[] {"assertion", "assertion \"" + expression + "\" failed",
                (function == null ? "" : function + " at ") + file + ":" + line};
    }

    private static String[] fault(List<String> report) {
        List<String> faults = new ArrayList<>();
        for (String line : report) {
            Matcher m = GURU.matcher(line);
            if (m.find()) {
                String cause = m.group(2) != null ? m.group(2) : m.group(3);
                String core = m.group(1) != null ? m.group(1) : m.group(4);
                return new String[] {"panic", "Guru Meditation Error: " + cause + " on core " + core, null};
            }
            if ((m = ABORT.matcher(line)).find()) {
                return new String[] {"abort", "abort() called at PC " + m.group(1)
                        + (m.group(2) == null ? "" : " on core " + m.group(2)), null};
            }
            if ((m = MBED_FAULT.matcher(line)).find() || (m = ZEPHYR_FAULT.matcher(line)).find()) {
                faults.add(m.group(1));
            }
        }
        if (!faults.isEmpty()) {
            return new String[] {"hard fault", String.join(", ", faults), null};
        }
        if (report.stream().anyMatch(l -> HARD_FAULT.matcher(l).find())) {
            return new String[] {"hard fault", "HardFault", null};
        }
        String first = report.get(0).strip();
        return new String[] {"crash", first.length() > 200 ? first.substring(0, 200) + "..." : first, null};
    }

    /** PC first (where it died), then LR, then the backtrace; EXC_RETURN values in LR are not code. */
    private static List<CodeAddress> addresses(List<String> report) {
        Long pc = null;
        Long lr = null;
        Long abortCaller = null;
        List<Long> backtrace = new ArrayList<>();
        for (String line : report) {
            Matcher m;
            if (pc == null && (m = PC.matcher(line)).find()) {
                pc = Long.parseUnsignedLong(m.group(1), 16);
            }
            if (lr == null && (m = LR.matcher(line)).find()) {
                long value = Long.parseUnsignedLong(m.group(1), 16);
                lr = value >= 0xFFFFFF00L && value <= 0xFFFFFFFFL ? null : value;
            }
            if (abortCaller == null && (m = ABORT.matcher(line)).find()) {
                abortCaller = Long.parseUnsignedLong(m.group(1).substring(2), 16);
            }
            if (backtrace.isEmpty() && (m = BACKTRACE.matcher(line)).find()) {
                Matcher frame = BACKTRACE_PC.matcher(m.group(1));
                while (frame.find()) {
                    backtrace.add(Long.parseUnsignedLong(frame.group(1), 16));
                }
            }
        }
        List<CodeAddress> addresses = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        add(addresses, seen, "pc", pc);
        add(addresses, seen, "lr", lr);
        add(addresses, seen, "abort caller", abortCaller);
        for (int i = 0; i < backtrace.size(); i++) {
            add(addresses, seen, "backtrace #" + i, backtrace.get(i));
        }
        return addresses;
    }

    private static void add(List<CodeAddress> addresses, Set<Long> seen, String role, Long value) {
        if (value != null && value != 0 && seen.add(value)) {
            addresses.add(new CodeAddress(role, value));
        }
    }
}
