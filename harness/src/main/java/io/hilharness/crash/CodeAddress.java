package io.hilharness.crash;

/**
 * A code address a death report gives.
 *
 * @param role  where the report gives it: {@code pc}, {@code lr}, {@code abort caller}, {@code backtrace #N}
 * @param value the address as printed (return addresses already moved onto the call by the board's
 *              handler, as ESP-IDF's and the reference firmware's do)
 */
public record CodeAddress(String role, long value) {
    public String hex() {
        return "0x" + Long.toHexString(value);
    }
}
