package io.hilharness.client;

/** An outcome with its human-readable reason. */
public record Classification(Outcome outcome, String detail) {

    public static final Classification OK = new Classification(Outcome.OK, null);

    /** The worse of two; on a tie the earlier one stays, since it happened first. */
    public Classification worse(Classification other) {
        return other.outcome().isWorseThan(outcome) ? other : this;
    }
}
