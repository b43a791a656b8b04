package io.hilharness.certs.doctor;

import java.util.List;

/** One family of certificate problems; checks are independent and never throw for a bad chain. */
public interface CertCheck {

    /** Short id shown in reports, e.g. {@code trust}. */
    String id();

    List<Finding> check(DoctorInput input);
}
