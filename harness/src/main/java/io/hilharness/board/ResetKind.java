package io.hilharness.board;

/** SOFT resets the CPU (the console survives); HARD cuts power (a USB console re-enumerates). */
public enum ResetKind {
    SOFT, HARD
}
