package io.hilharness.certs.doctor;

/** How bad a finding is; only errors make the doctor's verdict "problems". */
public enum Severity {
    /** Clients will reject this chain (or some common clients will). */
    ERROR,
    /** Works today, but is fragile or will break soon. */
    WARNING,
    /** A fact worth knowing, e.g. the trust path or the chain's size. */
    INFO
}
