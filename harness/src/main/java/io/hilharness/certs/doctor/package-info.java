/**
 * The certificate doctor: says in seconds why a board's chain cannot work.
 *
 * <p>A {@link io.hilharness.certs.doctor.DoctorInput} (the chain as sent, optional key, the clients' trust,
 * names and clocks) goes through {@link io.hilharness.certs.doctor.CertDoctor}, which runs small
 * {@link io.hilharness.certs.doctor.CertCheck}s (trust, chain, constraints, names, validity, algorithms, key,
 * size, handshake); each returns {@link io.hilharness.certs.doctor.Finding}s naming the certificate and a fix.
 * {@link io.hilharness.certs.doctor.ReportRenderer} prints the table or JSON. Chains come from files
 * ({@link io.hilharness.certs.doctor.DoctorFiles}) or live from an endpoint
 * ({@link io.hilharness.certs.doctor.LiveCapture}, through the client package's recording driver). No check
 * ever prints a private key: the key check proves a match by signing a random challenge.
 */
package io.hilharness.certs.doctor;
