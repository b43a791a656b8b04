package io.hilharness.report;

/** Makes untrusted text legal in XML 1.0, which forbids most control characters even when escaped. */
final class XmlText {
    private XmlText() {
    }

    static String legal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (surrogatePair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** Text for a CDATA section: {@code ]]>} would end it early, so it is split across two sections. */
    static String cdata(String s) {
        return legal(s).replace("]]>", "]]]]><![CDATA[>");
    }
}
