package io.hilharness.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParserMessagesTest {
    @Test
    void singleLineShowsControlCharactersOfQuotedInputAsEscapes() {
        assertEquals("not 'campaig\\n\\r\\t\\u0007\\u2028x' é", ParserMessages.singleLine("not 'campaig\n\r\t\u0007\u2028x' é"));
    }
}
