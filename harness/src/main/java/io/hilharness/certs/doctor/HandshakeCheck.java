package io.hilharness.certs.doctor;

import java.util.List;

/** What a real client made of a live endpoint: the proof next to the diagnosis. */
final class HandshakeCheck implements CertCheck {

    static final String ID = "handshake";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        return input.handshake().map(h -> {
            String negotiated = h.tlsVersion() == null ? "" : " (" + h.tlsVersion()
                    + (h.cipherSuite() == null ? "" : ", " + h.cipherSuite()) + ")";
            if (h.accepted()) {
                return Finding.info(ID, null, null, "a client trusting the " + input.trust() + " completed the "
                        + "handshake with " + h.endpoint() + negotiated);
            }
            String failed = "a client trusting the " + input.trust() + " failed against " + h.endpoint() + negotiated
                    + ": " + h.outcome() + (h.detail() == null ? "" : ": " + h.detail());
            if (h.rejected()) {
                return Finding.error(ID, null, null, failed, "see the other findings; they name the certificate to fix");
            }
            // A reset or timeout is not a certificate verdict: the campaign and the board's log say more.
            return Finding.warning(ID, null, null, failed,
                    "run a campaign (hil run) to see what the board logged for this connection");
        }).map(List::of).orElse(List.of());
    }
}
