package io.hilharness.devlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Generates {@code mbedtls-errors.tsv}, the table {@link MbedtlsErrors} decodes codes with, from the
 * mbedTLS headers themselves: every {@code #define MBEDTLS_ERR_... -0x....} of
 * {@code include/mbedtls/*.h} with the first paragraph of its doc comment ({@code /** ... *}{@code /}
 * before it, or {@code /**< ... *}{@code /} after it). Deprecated aliases
 * ({@code MBEDTLS_DEPRECATED_NUMERIC_CONSTANT(...)}) name a live code and are left out.
 *
 * <p>Sources are read in the order given, a constant's first reading winning, so the table holds the
 * codes of every version a board may link. {@code MbedtlsErrorsTest} runs it on the headers it finds
 * (Debian's {@code libmbedtls-dev} in {@code /usr/include/mbedtls}, the release tarball in
 * {@code shared/third_party}), writes what they give to {@code target/mbedtls-errors.tsv} and fails
 * while the committed table differs: when the board's mbedTLS changes, copy that file over the
 * resource.
 */
final class MbedtlsErrorHeaders {

    private static final Pattern DEFINE = Pattern.compile(
            "#define\\s+(MBEDTLS_ERR_\\w+)\\s+-0x([0-9A-Fa-f]{1,8})\\s*(?:/\\*\\*<(.*?)\\*/)?\\s*");
    private static final Pattern VERSION = Pattern.compile("#define\\s+MBEDTLS_VERSION_STRING\\s+\"([^\"]+)\"");
    // Doxygen markup in the comments: "\c name", "\p name", "::name".
    private static final Pattern MARKUP = Pattern.compile("\\\\[cp] |::(?=\\w)");

    /** One error constant; {@code code} is negative, as the library returns it. */
    record Constant(int code, String name, String description) {
    }

    /** The constants of one mbedTLS release's headers. */
    record Headers(String version, List<Constant> constants) {
    }

    private MbedtlsErrorHeaders() {
    }

    /** The headers in {@code source}: a folder of {@code .h} files, or a release tarball (its {@code include/mbedtls} folder). */
    static Headers read(Path source) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> list = Files.list(source)) {
                for (Path h : list.filter(p -> p.getFileName().toString().endsWith(".h")).toList()) {
                    files.put(h.getFileName().toString(), Files.readString(h, StandardCharsets.UTF_8));
                }
            }
        } else {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(source));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String[] parts = e.getName().split("/");
                    boolean header = parts.length == 4 && parts[1].equals("include") && parts[2].equals("mbedtls")
                            && parts[3].endsWith(".h");
                    if (header && e.isFile()) {
                        files.put(parts[3], new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return parse(files);
    }

    /** The constants of header texts by file name, files in name order. */
    static Headers parse(Map<String, String> files) {
        String version = null;
        List<Constant> constants = new ArrayList<>();
        for (String text : files.values()) {
            Matcher v = VERSION.matcher(text);
            if (v.find()) {
                version = v.group(1);
            }
            constants.addAll(constants(text));
        }
        if (version == null || constants.isEmpty()) {
            throw new IllegalArgumentException("no mbedTLS headers (version.h and MBEDTLS_ERR_ constants) there");
        }
        return new Headers(version, constants);
    }

    private static List<Constant> constants(String header) {
        List<Constant> constants = new ArrayList<>();
        String pending = null;
        StringBuilder comment = null;
        for (String raw : header.split("\n", -1)) {
            String line = raw.strip();
            if (comment != null) {
                comment.append('\n').append(line);
                if (line.contains("*/")) {
                    pending = description(comment.toString());
                    comment = null;
                }
                continue;
            }
            if (line.startsWith("/**") && !line.startsWith("/**<")) {
                if (line.contains("*/")) {
                    pending = description(line);
                } else {
                    comment = new StringBuilder(line);
                }
                continue;
            }
            Matcher m = DEFINE.matcher(line);
            if (m.matches()) {
                String description = m.group(3) != null ? description("/**" + m.group(3) + "*/") : pending;
                constants.add(new Constant(-Integer.parseInt(m.group(2), 16), m.group(1), description == null ? "" : description));
                pending = null;
            } else if (!line.isEmpty() && !(line.startsWith("/*") && line.endsWith("*/"))) {
                pending = null; // the doc comment was of something else
            }
        }
        return constants;
    }

    /** The first paragraph of a doc comment, on one line, without its markup. */
    private static String description(String comment) {
        String body = comment.substring(comment.indexOf("/**") + 3, comment.lastIndexOf("*/"));
        List<String> paragraph = new ArrayList<>();
        for (String line : body.split("\n")) {
            String text = line.strip();
            text = text.startsWith("*") ? text.substring(1).strip() : text;
            if (text.isEmpty() && !paragraph.isEmpty()) {
                break;
            }
            if (!text.isEmpty()) {
                paragraph.add(text);
            }
        }
        return MARKUP.matcher(String.join(" ", paragraph)).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /** The table: the first reading of each constant, by name. */
    static String tsv(List<Headers> sources) {
        Map<String, Constant> byName = new LinkedHashMap<>();
        for (Headers h : sources) {
            h.constants().forEach(c -> byName.putIfAbsent(c.name(), c));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# mbedTLS error codes: the MBEDTLS_ERR_ constants of include/mbedtls/*.h with their doc comments,\n");
        sb.append("# from the headers of mbedTLS ")
                .append(String.join(", ", sources.stream().map(Headers::version).toList()))
                .append(". Generated by MbedtlsErrorHeaders (src/test): do not edit.\n");
        sb.append("# code\tname\tdescription\n");
        byName.values().stream().sorted(Comparator.comparing(Constant::name)).forEach(c ->
                sb.append(MbedtlsErrors.hex(c.code())).append('\t').append(c.name()).append('\t').append(c.description())
                        .append('\n'));
        return sb.toString();
    }
}
