package io.hilharness.architecture.cyclic.up;

import io.hilharness.architecture.cyclic.down.Callee;

/** Half of a deliberate package cycle: proves the layering test can fail. */
public final class Caller {
    public int call() {
        return new Callee().value();
    }
}
