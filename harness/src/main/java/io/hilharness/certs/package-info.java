/**
 * Lab PKI generated at run time (never committed): an EC P-256 root CA, optional intermediates, server
 * leaves for the bench boards, and the deliberately wrong self-signed leaf that clients must reject.
 *
 * <p>{@link io.hilharness.certs.LabPki} and {@link io.hilharness.certs.LabCa} make credentials,
 * {@link io.hilharness.certs.CredentialWriter} writes chain.pem, key.pem (PKCS#8, 0600) and ca.pem for a
 * board image, {@link io.hilharness.certs.PemCertificates} and {@link io.hilharness.certs.Spki} read
 * them back. {@link io.hilharness.certs.LabPki#issue} makes a whole bench PKI (EC P-256 or RSA 2048, optional
 * intermediate) and {@link io.hilharness.certs.LabPkiFiles} writes it with the firmware C headers of
 * {@link io.hilharness.certs.FirmwareHeaders} ({@code hil certs issue}); the doctor lives in
 * {@code certs.doctor}. {@link io.hilharness.certs.Trust} is whom a board's clients trust (the system store, a
 * CA file or a pinned key), as the OkHttp driver, the browser, the doctor and the journal all take it. Nothing here prints a private key: classes holding one hide it in toString.
 */
package io.hilharness.certs;
