package io.hilharness.report;

import io.hilharness.client.Outcome;

/** One colour per outcome class, shared by the charts, the legend and the drill-down badges. */
final class OutcomeColors {
    private OutcomeColors() {
    }

    static String of(Outcome outcome) {
        return switch (outcome) {
            case OK -> "#2e9d4f";
            case CERT_REJECTED -> "#8e44ad";
            case HOSTNAME_MISMATCH -> "#d68910";
            case SERVER_ALERT -> "#c0392b";
            case REFUSED -> "#7f8c8d";
            case RESET -> "#922b21";
            case TIMEOUT -> "#f1c40f";
            case TRUNCATED -> "#2874a6";
            case HTTP_ERROR -> "#e67e22";
            case CORRUPT -> "#16a085";
            case ERROR -> "#212121";
        };
    }

    static String label(Outcome outcome) {
        return outcome.name().toLowerCase();
    }
}
