package io.hilharness.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The YAML parser explains a syntax error over several lines, each position followed by a copy of the
 * input line and a caret. The harness reports one line per error and names the line itself, so only
 * the sentences are kept.
 */
public final class ParserMessages {
    private ParserMessages() {
    }

    /**
     * Where in a document a mapping error is, as a user would name the field ({@code boards.nucleo-1.flash.configs},
     * {@code connections.[0].client.localPort}); empty at the document's top.
     */
    public static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
    }

    public static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        List<String> sentences = new ArrayList<>();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("in 'reader'") || line.startsWith("in 'string'")) {
                i += 2; // the position, then the input line and the caret under it
            } else if (!line.isEmpty()) {
                sentences.add(line);
            }
        }
        return sentences.isEmpty() ? message.strip().replaceAll("\\s+", " ") : String.join("; ", sentences);
    }

    /**
     * The message with control characters shown as escapes ({@code \n}, {@code \u0007}): errors quote
     * values from damaged files, and an error must stay one line on a terminal and in a log.
     */
    public static String singleLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
