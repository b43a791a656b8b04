package io.hilharness.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a JSON-lines file such as a journal, one at a time: a soak's journal holds gigabytes,
 * more than a heap, so no reader of it holds all its lines.
 */
public final class JsonLines {
    private JsonLines() {
    }

    /** Receives the lines in order; may stop the read with its own exception {@code E}. */
    public interface LineVisitor<E extends Exception> {
        /**
         * @param lineNo from 1
         * @param last   whether it is the file's last line (a killed run cuts at most that one short)
         */
        void line(int lineNo, String line, boolean last) throws IOException, E;
    }

    /**
     * Hands {@code visitor} each line of {@code in} (a file, or a decompressed one) as UTF-8, replacing
     * bytes that are not: a killed write can cut a character in half, and a damaged byte should make one
     * record fail to parse (with its line number), not the whole read. Closes {@code in}.
     */
    public static <E extends Exception> void forEach(InputStream in, LineVisitor<E> visitor) throws IOException, E {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; ) {
                String next = reader.readLine(); // one ahead: a line knows whether it is the last
                visitor.line(++lineNo, line, next == null);
                line = next;
            }
        }
    }
}
