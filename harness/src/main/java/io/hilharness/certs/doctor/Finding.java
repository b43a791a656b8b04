package io.hilharness.certs.doctor;

import java.util.Objects;

/**
 * One thing the doctor found.
 *
 * @param severity how bad it is
 * @param check    the id of the check that found it, e.g. {@code trust}, {@code names}
 * @param cert     index of the certificate in the chain as sent (0 = leaf); null when it concerns the chain as a
 *                 whole or a trust anchor outside the chain
 * @param subject  subject of the certificate concerned, null when none
 * @param message  what is wrong, in plain language
 * @param fix      what to do about it; null for information
 */
public record Finding(Severity severity, String check, Integer cert, String subject, String message, String fix) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String check, Integer cert, String subject, String message, String fix) {
        return new Finding(Severity.ERROR, check, cert, subject, message, fix);
    }

    public static Finding warning(String check, Integer cert, String subject, String message, String fix) {
        return new Finding(Severity.WARNING, check, cert, subject, message, fix);
    }

    public static Finding info(String check, Integer cert, String subject, String message) {
        return new Finding(Severity.INFO, check, cert, subject, message, null);
    }
}
