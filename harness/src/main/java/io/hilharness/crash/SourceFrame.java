package io.hilharness.crash;

/**
 * One frame addr2line gives for an address (an address in inlined code gives several, innermost first).
 *
 * @param function null when the ELF has no symbol there ({@code ??})
 * @param file     null when the ELF has no line table there
 * @param line     null when unknown
 */
public record SourceFrame(String function, String file, Integer line) {
    public boolean hasLine() {
        return file != null && line != null;
    }

    @Override
    public String toString() {
        String where = file == null ? "?" : file + (line == null ? "" : ":" + line);
        return (function == null ? "??" : function) + " at " + where;
    }
}
