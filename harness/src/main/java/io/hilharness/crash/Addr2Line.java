package io.hilharness.crash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes code addresses to function, file and line with binutils' {@code addr2line}: Debian's
 * {@code binutils} for host ELF files (the reference firmware), {@code arm-none-eabi-addr2line}
 * (Debian {@code binutils-arm-none-eabi}) for Cortex-M ones, the ELF's machine deciding which.
 */
public final class Addr2Line {
    private static final long TIMEOUT_SECONDS = 30;
    /** ELF e_machine values whose images need a cross addr2line (elf.h). */
    private static final int EM_ARM = 40;
    private static final int EM_RISCV = 243;
    private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]+)");
    private static final Pattern FILE_LINE = Pattern.compile("(.*):(\\?|[0-9]+)(?: \\(discriminator [0-9]+\\))?");

    private Addr2Line() {
    }

    /** The addr2line program for this ELF file, and the Debian package that has it. */
    static String[] toolFor(Path elf) throws IOException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(elf)) {
            if (in.readNBytes(header, 0, header.length) < header.length || header[0] != 0x7F || header[1] != 'E'
                    || header[2] != 'L' || header[3] != 'F') {
                throw new IOException(elf + " is not an ELF file");
            }
        }
        // e_machine: two bytes at offset 18, in the file's byte order (EI_DATA: 1 little, 2 big).
        int machine = header[5] == 2 ? ((header[18] & 0xFF) << 8) | (header[19] & 0xFF)
                : ((header[19] & 0xFF) << 8) | (header[18] & 0xFF);
        return switch (machine) {
            case EM_ARM -> new String[] {"arm-none-eabi-addr2line", "binutils-arm-none-eabi"};
            case EM_RISCV -> new String[] {"riscv64-unknown-elf-addr2line", "binutils-riscv64-unknown-elf"};
            default -> new String[] {"addr2line", "binutils"};
        };
    }

    /**
     * What the ELF says is at each address, innermost frame first; an address it knows nothing of
     * maps to one frame without function or line.
     *
     * @throws IOException the ELF cannot be read, or addr2line is missing or fails (the message names
     *                     the package to install)
     */
    public static Map<Long, List<SourceFrame>> decode(Path elf, List<Long> addresses) throws IOException {
        Map<Long, List<SourceFrame>> decoded = new LinkedHashMap<>();
        if (addresses.isEmpty()) {
            return decoded;
        }
        String[] tool = toolFor(elf);
        List<String> command = new ArrayList<>(List.of(tool[0], "-a", "-f", "-i", "-C", "-e", elf.toString()));
        addresses.forEach(a -> command.add("0x" + Long.toHexString(a)));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new IOException(tool[0] + " not found (install Debian package " + tool[1] + ")", missing);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(tool[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding with " + tool[0], e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(tool[0] + " failed (exit " + process.exitValue() + "): " + out.strip());
        }
        parse(out, decoded);
        return decoded;
    }

    /** {@code -a} output: an address line, then function and file:line pairs until the next address line. */
    static void parse(String out, Map<Long, List<SourceFrame>> decoded) {
        List<SourceFrame> frames = null;
        String function = null;
        for (String line : out.split("\n")) {
            Matcher address = ADDRESS.matcher(line);
            if (address.matches()) {
                frames = new ArrayList<>();
                decoded.put(Long.parseUnsignedLong(address.group(1), 16), frames);
                function = null;
            } else if (frames != null && function == null) {
                function = line.strip();
            } else if (frames != null) {
                Matcher where = FILE_LINE.matcher(line.strip());
                String file = where.matches() && !where.group(1).equals("??") ? where.group(1) : null;
                // "?" and 0 both mean no line is known.
                Integer lineNo = where.matches() && !where.group(2).equals("?") && !where.group(2).equals("0")
                        ? Integer.valueOf(where.group(2)) : null;
                frames.add(new SourceFrame(function.equals("??") ? null : function, file, lineNo));
                function = null;
            }
        }
    }
}
