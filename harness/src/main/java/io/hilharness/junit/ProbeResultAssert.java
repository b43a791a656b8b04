package io.hilharness.junit;

import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;

/** Assertions on one {@link ProbeResult}; every message says what the connection did instead. */
public final class ProbeResultAssert {
    private final ProbeResult actual;

    ProbeResultAssert(ProbeResult actual) {
        this.actual = actual;
    }

    /** The connection succeeded and every body arrived whole, with the digest of the image's file. */
    public ProbeResultAssert isComplete() {
        hasOutcome(Outcome.OK);
        if (actual.connection().exchanges().isEmpty()) {
            throw fail("expected a response, but no request was made");
        }
        for (Exchange exchange : actual.connection().exchanges()) {
            if (!Boolean.TRUE.equals(exchange.digestOk())) {
                throw fail(exchange.digestOk() == null
                        ? "expected the body's digest to be checked, but the image has no file for " + exchange.path()
                        : "expected the body of " + exchange.path() + " to match the image's file, but its SHA-256 differs");
            }
        }
        return this;
    }

    public ProbeResultAssert hasOutcome(Outcome expected) {
        if (actual.outcome() != expected) {
            throw fail("expected outcome " + expected + " but was " + actual.outcome());
        }
        return this;
    }

    public ProbeResultAssert hasStatus(int expected) {
        Integer status = actual.exchange().map(Exchange::httpStatus).orElse(null);
        if (status == null || status != expected) {
            throw fail("expected HTTP status " + expected + " but was " + status);
        }
        return this;
    }

    private AssertionError fail(String message) {
        return new AssertionError(message + "\n  " + actual.describe());
    }
}
