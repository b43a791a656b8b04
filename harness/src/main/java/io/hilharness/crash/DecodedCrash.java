package io.hilharness.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A death report with its addresses decoded against the image's ELF file, or left raw.
 *
 * @param report    what the board printed
 * @param addresses the report's addresses, each with the frames the ELF gives (none when not decoded)
 * @param elf       the ELF file used; null when there was none
 * @param note      why the addresses are raw (no ELF named, addr2line missing); null when decoded
 */
public record DecodedCrash(DeathReport report, List<DecodedAddress> addresses, String elf, String note) {
    /** Functions of the death machinery itself: the location is the first frame outside them. */
    private static final Pattern HANDLER = Pattern.compile(
            "(?i).*(abort|assert|panic|backtrace|fault_?handler|raise|__pthread_kill|_exit).*");

    public DecodedCrash {
        addresses = List.copyOf(addresses);
    }

    /** Decodes {@code report}'s addresses with {@code elf}; null {@code elf} leaves them raw. */
    public static DecodedCrash of(DeathReport report, Path elf) {
        List<DecodedAddress> raw = report.addresses().stream().map(a -> new DecodedAddress(a, List.of())).toList();
        if (elf == null) {
            return new DecodedCrash(report, raw, null, report.addresses().isEmpty() ? null
                    : "raw addresses: the image names no ELF file (elf: in its manifest or the lab config)");
        }
        if (!Files.isRegularFile(elf)) {
            return new DecodedCrash(report, raw, elf.toString(), "raw addresses: ELF file " + elf + " not found");
        }
        try {
            Map<Long, List<SourceFrame>> frames = Addr2Line.decode(elf,
                    report.addresses().stream().map(CodeAddress::value).toList());
            List<DecodedAddress> decoded = new ArrayList<>();
            for (CodeAddress a : report.addresses()) {
                decoded.add(new DecodedAddress(a, frames.getOrDefault(a.value(), List.of()).stream()
                        .filter(f -> f.function() != null || f.hasLine()).toList()));
            }
            return new DecodedCrash(report, decoded, elf.toString(), null);
        } catch (IOException e) {
            return new DecodedCrash(report, raw, elf.toString(), "raw addresses: " + e.getMessage());
        }
    }

    /**
     * Where the board died, as precisely as known: the first decoded frame with a source line outside
     * the abort/assert/panic handlers; else the place an assertion message names; else the first raw
     * address; null when the report has none of these.
     */
    public String location() {
        for (DecodedAddress a : addresses) {
            for (SourceFrame f : a.frames()) {
                if (f.hasLine() && (f.function() == null || !HANDLER.matcher(f.function()).matches())) {
                    return f.toString();
                }
            }
        }
        if (report.assertedAt() != null) {
            return report.assertedAt();
        }
        return addresses.isEmpty() ? null : addresses.get(0).address().role() + " " + addresses.get(0).address().hex();
    }
}
