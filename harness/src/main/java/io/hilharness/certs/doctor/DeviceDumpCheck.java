package io.hilharness.certs.doctor;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whether the chain under examination is the one the board says it sent: a board that serves another
 * certificate than the one flashed (a stale copy in flash, a fallback certificate compiled in) fails
 * in ways no check of the file can explain.
 */
final class DeviceDumpCheck implements CertCheck {
    static final String ID = "device-dump";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        if (input.deviceChain().isEmpty()) {
            return List.of();
        }
        List<X509Certificate> dumped = input.deviceChain().get();
        if (DeviceLogChain.same(dumped, input.chain())) {
            return List.of(Finding.info(ID, null, null, "the board's log shows it sent exactly this chain ("
                    + DeviceLogChain.describe(dumped).orElse("empty") + ")"));
        }
        return List.of(Finding.error(ID, null, null, "the board's log shows it sent another chain ("
                        + DeviceLogChain.describe(dumped).orElse("empty") + ") than the one examined ("
                        + DeviceLogChain.describe(input.chain()).orElse("empty") + ")",
                "flash the image whose certificate you examined, or examine the chain the board really sends "
                        + "(--device-log alone, or --connect)"));
    }
}
