package io.hilharness.report;

/**
 * The one way text gets into report.html. Device log lines are untrusted input (a board, or anything
 * on its serial line, can print {@code <script>}), so every piece of text passes through {@link #text};
 * markup is only ever built from constants in this package.
 */
final class Html {
    private Html() {
    }

    /** Escaped for element content and quoted attribute values; control characters become visible. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == '\t') {
                        out.append(c);
                    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                        // Garbage on the wire stays visible as evidence without upsetting the page.
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
