package io.hilharness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.secrets.KeyRedaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSafetyTest {
    @Test
    void htmlEscapesMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", Html.text("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("a\\x1B[31mred\\x00\tz", Html.text("a\u001B[31mred\u0000\tz"));
        assertEquals("", Html.text(null));
        assertEquals("ünïcödé ✓", Html.text("ünïcödé ✓"));
    }

    @Test
    void xmlTextDropsWhatXml10ForbidsAndKeepsCdataClosed() {
        assertEquals("a\\x01b\\x0Bc\n\t", XmlText.legal("a\u0001b\u000Bc\n\t"));
        assertEquals("x]]]]><![CDATA[>y", XmlText.cdata("x]]>y"));
        assertEquals("lone \\xD800 surrogate, pair \uD83D\uDE00", XmlText.legal("lone \uD800 surrogate, pair \uD83D\uDE00"));
    }

    @Test
    void privateKeyBlocksAreRedactedLineForLine() {
        List<String> lines = List.of("before", "-----BEGIN " + "PRIVATE KEY-----", "MIGHAgEAMBMGByqGSM49", "-----END " + "PRIVATE KEY-----",
                "-----BEGIN CERTIFICATE-----", "after");
        assertEquals(List.of("before", KeyRedaction.REDACTED, KeyRedaction.REDACTED, KeyRedaction.REDACTED,
                "-----BEGIN CERTIFICATE-----", "after"), KeyRedaction.lines(lines));
        assertEquals(List.of(KeyRedaction.REDACTED, KeyRedaction.REDACTED),
                KeyRedaction.lines(List.of("0: -----BEGIN EC " + "PRIVATE KEY----- x", "secret")));
    }
}
