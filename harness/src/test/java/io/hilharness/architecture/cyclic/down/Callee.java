package io.hilharness.architecture.cyclic.down;

import io.hilharness.architecture.cyclic.up.Caller;

/** The other half: a lower package reaching back up. */
public final class Callee {
    public int value() {
        return 1;
    }

    public Caller back() {
        return new Caller();
    }
}
