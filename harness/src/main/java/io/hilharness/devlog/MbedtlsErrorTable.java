package io.hilharness.devlog;

/**
 * mbedTLS 2.28 error codes as data: name and description of every {@code MBEDTLS_ERR_*} constant in
 * the 2.28 public headers (include/mbedtls/*.h; deprecated aliases of a live code left out).
 * Kept as a plain table so it can be checked against the headers line by line.
 */
final class MbedtlsErrorTable {

    /** One error constant; {@code code} is negative as the library returns it. */
    record Entry(int code, String name, String description) {
    }

    private MbedtlsErrorTable() {
    }

    static final Entry[] ENTRIES = {
        // ssl.h
        new Entry(-0x7F80, "MBEDTLS_ERR_SSL_HW_ACCEL_FAILED", "Hardware acceleration function returned with error"),
        new Entry(-0x7F00, "MBEDTLS_ERR_SSL_ALLOC_FAILED", "Memory allocation failed"),
        new Entry(-0x7E80, "MBEDTLS_ERR_SSL_BAD_HS_FINISHED", "Processing of the Finished handshake message failed."),
        new Entry(-0x7E00, "MBEDTLS_ERR_SSL_BAD_HS_CHANGE_CIPHER_SPEC", "Processing of the ChangeCipherSpec handshake message failed."),
        new Entry(-0x7D80, "MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE_VERIFY", "Processing of the CertificateVerify handshake message failed."),
        new Entry(-0x7D00, "MBEDTLS_ERR_SSL_BAD_HS_CLIENT_KEY_EXCHANGE_CS", "Processing of the ClientKeyExchange handshake message failed in DHM / ECDH Calculate Secret."),
        new Entry(-0x7C80, "MBEDTLS_ERR_SSL_BAD_HS_CLIENT_KEY_EXCHANGE_RP", "Processing of the ClientKeyExchange handshake message failed in DHM / ECDH Read Public."),
        new Entry(-0x7C00, "MBEDTLS_ERR_SSL_BAD_HS_CLIENT_KEY_EXCHANGE", "Processing of the ClientKeyExchange handshake message failed."),
        new Entry(-0x7B80, "MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO_DONE", "Processing of the ServerHelloDone handshake message failed."),
        new Entry(-0x7B00, "MBEDTLS_ERR_SSL_BAD_HS_SERVER_KEY_EXCHANGE", "Processing of the ServerKeyExchange handshake message failed."),
        new Entry(-0x7A80, "MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE_REQUEST", "Processing of the CertificateRequest handshake message failed."),
        new Entry(-0x7A00, "MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE", "Processing of the Certificate handshake message failed."),
        new Entry(-0x7980, "MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO", "Processing of the ServerHello handshake message failed."),
        new Entry(-0x7900, "MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO", "Processing of the ClientHello handshake message failed."),
        new Entry(-0x7880, "MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY", "The peer notified us that the connection is going to be closed."),
        new Entry(-0x7800, "MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED", "Verification of our peer failed."),
        new Entry(-0x7780, "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE", "A fatal alert message was received from our peer."),
        new Entry(-0x7700, "MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE", "An unexpected message was received from our peer."),
        new Entry(-0x7680, "MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED", "No CA Chain is set, but required to operate."),
        new Entry(-0x7600, "MBEDTLS_ERR_SSL_PRIVATE_KEY_REQUIRED", "The own private key or pre-shared key is not set, but needed."),
        new Entry(-0x7580, "MBEDTLS_ERR_SSL_CERTIFICATE_REQUIRED", "The own certificate is not set, but needed by the server."),
        new Entry(-0x7500, "MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE", "Our own certificate(s) is/are too large to send in an SSL message."),
        new Entry(-0x7480, "MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE", "No client certification received from the client, but required by the authentication mode."),
        new Entry(-0x7400, "MBEDTLS_ERR_SSL_NO_RNG", "No RNG was provided to the SSL module."),
        new Entry(-0x7380, "MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN", "The server has no ciphersuites in common with the client."),
        new Entry(-0x7300, "MBEDTLS_ERR_SSL_UNKNOWN_CIPHER", "An unknown cipher was received."),
        new Entry(-0x7280, "MBEDTLS_ERR_SSL_CONN_EOF", "The connection indicated an EOF."),
        new Entry(-0x7200, "MBEDTLS_ERR_SSL_INVALID_RECORD", "An invalid SSL record was received."),
        new Entry(-0x7180, "MBEDTLS_ERR_SSL_INVALID_MAC", "Verification of the message MAC failed."),
        new Entry(-0x7100, "MBEDTLS_ERR_SSL_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x7080, "MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE", "The requested feature is not available."),
        new Entry(-0x7000, "MBEDTLS_ERR_SSL_CRYPTO_IN_PROGRESS", "A cryptographic operation is in progress. Try again later."),
        new Entry(-0x6F80, "MBEDTLS_ERR_SSL_HW_ACCEL_FALLTHROUGH", "Hardware acceleration function skipped / left alone data"),
        new Entry(-0x6F00, "MBEDTLS_ERR_SSL_COMPRESSION_FAILED", "Processing of the compression / decompression failed"),
        new Entry(-0x6E80, "MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION", "Handshake protocol not within min/max boundaries"),
        new Entry(-0x6E00, "MBEDTLS_ERR_SSL_BAD_HS_NEW_SESSION_TICKET", "Processing of the NewSessionTicket handshake message failed."),
        new Entry(-0x6D80, "MBEDTLS_ERR_SSL_SESSION_TICKET_EXPIRED", "Session ticket has expired."),
        new Entry(-0x6D00, "MBEDTLS_ERR_SSL_PK_TYPE_MISMATCH", "Public key type mismatch (eg, asked for RSA key exchange and presented EC key)"),
        new Entry(-0x6C80, "MBEDTLS_ERR_SSL_UNKNOWN_IDENTITY", "Unknown identity received (eg, PSK identity)"),
        new Entry(-0x6C00, "MBEDTLS_ERR_SSL_INTERNAL_ERROR", "Internal error (eg, unexpected failure in lower-level module)"),
        new Entry(-0x6B80, "MBEDTLS_ERR_SSL_COUNTER_WRAPPING", "A counter would wrap (eg, too many messages exchanged)."),
        new Entry(-0x6B00, "MBEDTLS_ERR_SSL_WAITING_SERVER_HELLO_RENEGO", "Unexpected message at ServerHello in renegotiation."),
        new Entry(-0x6A80, "MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED", "DTLS client must retry for hello verification"),
        new Entry(-0x6A00, "MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL", "A buffer is too small to receive or write a message"),
        new Entry(-0x6980, "MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE", "None of the common ciphersuites is usable (eg, no suitable certificate, see debug messages)."),
        new Entry(-0x6900, "MBEDTLS_ERR_SSL_WANT_READ", "No data of requested type currently available on underlying transport."),
        new Entry(-0x6880, "MBEDTLS_ERR_SSL_WANT_WRITE", "Connection requires a write call."),
        new Entry(-0x6800, "MBEDTLS_ERR_SSL_TIMEOUT", "The operation timed out."),
        new Entry(-0x6780, "MBEDTLS_ERR_SSL_CLIENT_RECONNECT", "The client initiated a reconnect from the same port."),
        new Entry(-0x6700, "MBEDTLS_ERR_SSL_UNEXPECTED_RECORD", "Record header looks valid but is not expected."),
        new Entry(-0x6680, "MBEDTLS_ERR_SSL_NON_FATAL", "The alert message received indicates a non-fatal error."),
        new Entry(-0x6600, "MBEDTLS_ERR_SSL_INVALID_VERIFY_HASH", "Couldn't set the hash for verifying CertificateVerify"),
        new Entry(-0x6580, "MBEDTLS_ERR_SSL_CONTINUE_PROCESSING", "Internal-only message signaling that further message-processing should be done"),
        new Entry(-0x6500, "MBEDTLS_ERR_SSL_ASYNC_IN_PROGRESS", "The asynchronous operation is not completed yet."),
        new Entry(-0x6480, "MBEDTLS_ERR_SSL_EARLY_MESSAGE", "Internal-only message signaling that a message arrived early."),
        // cipher.h
        new Entry(-0x6400, "MBEDTLS_ERR_CIPHER_HW_ACCEL_FAILED", "Cipher hardware accelerator failed."),
        new Entry(-0x6380, "MBEDTLS_ERR_CIPHER_INVALID_CONTEXT", "The context is invalid. For example, because it was freed."),
        new Entry(-0x6300, "MBEDTLS_ERR_CIPHER_AUTH_FAILED", "Authentication failed (for AEAD modes)."),
        new Entry(-0x6280, "MBEDTLS_ERR_CIPHER_FULL_BLOCK_EXPECTED", "Decryption of block requires a full block."),
        new Entry(-0x6200, "MBEDTLS_ERR_CIPHER_INVALID_PADDING", "Input data contains invalid padding and is rejected."),
        new Entry(-0x6180, "MBEDTLS_ERR_CIPHER_ALLOC_FAILED", "Failed to allocate memory."),
        new Entry(-0x6100, "MBEDTLS_ERR_CIPHER_BAD_INPUT_DATA", "Bad input parameters."),
        new Entry(-0x6080, "MBEDTLS_ERR_CIPHER_FEATURE_UNAVAILABLE", "The selected feature is not available."),
        // ssl.h
        new Entry(-0x6000, "MBEDTLS_ERR_SSL_UNEXPECTED_CID", "An encrypted DTLS-frame with an unexpected CID was received."),
        // hkdf.h
        new Entry(-0x5F80, "MBEDTLS_ERR_HKDF_BAD_INPUT_DATA", "Bad input parameters to function."),
        // ssl.h
        new Entry(-0x5F00, "MBEDTLS_ERR_SSL_VERSION_MISMATCH", "An operation failed due to an unexpected version or configuration."),
        new Entry(-0x5E80, "MBEDTLS_ERR_SSL_BAD_CONFIG", "Invalid value in SSL config"),
        new Entry(-0x5E00, "MBEDTLS_ERR_SSL_CACHE_ENTRY_NOT_FOUND", "Cache entry not found"),
        // md.h
        new Entry(-0x5280, "MBEDTLS_ERR_MD_HW_ACCEL_FAILED", "MD hardware accelerator failed."),
        new Entry(-0x5200, "MBEDTLS_ERR_MD_FILE_IO_ERROR", "Opening or reading of file failed."),
        new Entry(-0x5180, "MBEDTLS_ERR_MD_ALLOC_FAILED", "Failed to allocate memory."),
        new Entry(-0x5100, "MBEDTLS_ERR_MD_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x5080, "MBEDTLS_ERR_MD_FEATURE_UNAVAILABLE", "The selected feature is not available."),
        // ecp.h
        new Entry(-0x4F80, "MBEDTLS_ERR_ECP_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x4F00, "MBEDTLS_ERR_ECP_BUFFER_TOO_SMALL", "The buffer is too small to write to."),
        new Entry(-0x4E80, "MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE", "The requested feature is not available, for example, the requested curve is not supported."),
        new Entry(-0x4E00, "MBEDTLS_ERR_ECP_VERIFY_FAILED", "The signature is not valid."),
        new Entry(-0x4D80, "MBEDTLS_ERR_ECP_ALLOC_FAILED", "Memory allocation failed."),
        new Entry(-0x4D00, "MBEDTLS_ERR_ECP_RANDOM_FAILED", "Generation of random value, such as ephemeral key, failed."),
        new Entry(-0x4C80, "MBEDTLS_ERR_ECP_INVALID_KEY", "Invalid private or public key."),
        new Entry(-0x4C00, "MBEDTLS_ERR_ECP_SIG_LEN_MISMATCH", "The buffer contains a valid signature followed by more data."),
        new Entry(-0x4B80, "MBEDTLS_ERR_ECP_HW_ACCEL_FAILED", "The ECP hardware accelerator failed."),
        new Entry(-0x4B00, "MBEDTLS_ERR_ECP_IN_PROGRESS", "Operation in progress, call again with the same parameters to continue."),
        // rsa.h
        new Entry(-0x4580, "MBEDTLS_ERR_RSA_HW_ACCEL_FAILED", "RSA hardware accelerator failed."),
        new Entry(-0x4500, "MBEDTLS_ERR_RSA_UNSUPPORTED_OPERATION", "The implementation does not offer the requested operation, for example, because of security violations or lack of functionality."),
        new Entry(-0x4480, "MBEDTLS_ERR_RSA_RNG_FAILED", "The random generator failed to generate non-zeros."),
        new Entry(-0x4400, "MBEDTLS_ERR_RSA_OUTPUT_TOO_LARGE", "The output buffer for decryption is not large enough."),
        new Entry(-0x4380, "MBEDTLS_ERR_RSA_VERIFY_FAILED", "The PKCS#1 verification failed."),
        new Entry(-0x4300, "MBEDTLS_ERR_RSA_PRIVATE_FAILED", "The private key operation failed."),
        new Entry(-0x4280, "MBEDTLS_ERR_RSA_PUBLIC_FAILED", "The public key operation failed."),
        new Entry(-0x4200, "MBEDTLS_ERR_RSA_KEY_CHECK_FAILED", "Key failed to pass the validity check of the library."),
        new Entry(-0x4180, "MBEDTLS_ERR_RSA_KEY_GEN_FAILED", "Something failed during generation of a key."),
        new Entry(-0x4100, "MBEDTLS_ERR_RSA_INVALID_PADDING", "Input data contains invalid padding and is rejected."),
        new Entry(-0x4080, "MBEDTLS_ERR_RSA_BAD_INPUT_DATA", "Bad input parameters to function."),
        // pk.h
        new Entry(-0x3F80, "MBEDTLS_ERR_PK_ALLOC_FAILED", "Memory allocation failed."),
        new Entry(-0x3F00, "MBEDTLS_ERR_PK_TYPE_MISMATCH", "Type mismatch, eg attempt to encrypt with an ECDSA key"),
        new Entry(-0x3E80, "MBEDTLS_ERR_PK_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x3E00, "MBEDTLS_ERR_PK_FILE_IO_ERROR", "Read/write of file failed."),
        new Entry(-0x3D80, "MBEDTLS_ERR_PK_KEY_INVALID_VERSION", "Unsupported key version"),
        new Entry(-0x3D00, "MBEDTLS_ERR_PK_KEY_INVALID_FORMAT", "Invalid key tag or value."),
        new Entry(-0x3C80, "MBEDTLS_ERR_PK_UNKNOWN_PK_ALG", "Key algorithm is unsupported (only RSA and EC are supported)."),
        new Entry(-0x3C00, "MBEDTLS_ERR_PK_PASSWORD_REQUIRED", "Private key password can't be empty."),
        new Entry(-0x3B80, "MBEDTLS_ERR_PK_PASSWORD_MISMATCH", "Given private key password does not allow for correct decryption."),
        new Entry(-0x3B00, "MBEDTLS_ERR_PK_INVALID_PUBKEY", "The pubkey tag or value is invalid (only RSA and EC are supported)."),
        new Entry(-0x3A80, "MBEDTLS_ERR_PK_INVALID_ALG", "The algorithm tag or value is invalid."),
        new Entry(-0x3A00, "MBEDTLS_ERR_PK_UNKNOWN_NAMED_CURVE", "Elliptic curve is unsupported (only NIST curves are supported)."),
        new Entry(-0x3980, "MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE", "Unavailable feature, e.g. RSA disabled for RSA key."),
        new Entry(-0x3900, "MBEDTLS_ERR_PK_SIG_LEN_MISMATCH", "The buffer contains a valid signature followed by more data."),
        new Entry(-0x3880, "MBEDTLS_ERR_PK_HW_ACCEL_FAILED", "PK hardware accelerator failed."),
        // dhm.h
        new Entry(-0x3580, "MBEDTLS_ERR_DHM_SET_GROUP_FAILED", "Setting the modulus and generator failed."),
        new Entry(-0x3500, "MBEDTLS_ERR_DHM_HW_ACCEL_FAILED", "DHM hardware accelerator failed."),
        new Entry(-0x3480, "MBEDTLS_ERR_DHM_FILE_IO_ERROR", "Read or write of file failed."),
        new Entry(-0x3400, "MBEDTLS_ERR_DHM_ALLOC_FAILED", "Allocation of memory failed."),
        new Entry(-0x3380, "MBEDTLS_ERR_DHM_INVALID_FORMAT", "The ASN.1 data is not formatted correctly."),
        new Entry(-0x3300, "MBEDTLS_ERR_DHM_CALC_SECRET_FAILED", "Calculation of the DHM secret failed."),
        new Entry(-0x3280, "MBEDTLS_ERR_DHM_MAKE_PUBLIC_FAILED", "Making of the public value failed."),
        new Entry(-0x3200, "MBEDTLS_ERR_DHM_READ_PUBLIC_FAILED", "Reading of the public values failed."),
        new Entry(-0x3180, "MBEDTLS_ERR_DHM_MAKE_PARAMS_FAILED", "Making of the DHM parameters failed."),
        new Entry(-0x3100, "MBEDTLS_ERR_DHM_READ_PARAMS_FAILED", "Reading of the DHM parameters failed."),
        new Entry(-0x3080, "MBEDTLS_ERR_DHM_BAD_INPUT_DATA", "Bad input parameters."),
        // x509.h
        new Entry(-0x3000, "MBEDTLS_ERR_X509_FATAL_ERROR", "A fatal error occurred, eg the chain is too long or the vrfy callback failed."),
        // pkcs5.h
        new Entry(-0x2F80, "MBEDTLS_ERR_PKCS5_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x2F00, "MBEDTLS_ERR_PKCS5_INVALID_FORMAT", "Unexpected ASN.1 data."),
        new Entry(-0x2E80, "MBEDTLS_ERR_PKCS5_FEATURE_UNAVAILABLE", "Requested encryption or digest alg not available."),
        new Entry(-0x2E00, "MBEDTLS_ERR_PKCS5_PASSWORD_MISMATCH", "Given private key password does not allow for correct decryption."),
        // x509.h
        new Entry(-0x2980, "MBEDTLS_ERR_X509_BUFFER_TOO_SMALL", "Destination buffer is too small."),
        new Entry(-0x2900, "MBEDTLS_ERR_X509_FILE_IO_ERROR", "Read/write of file failed."),
        new Entry(-0x2880, "MBEDTLS_ERR_X509_ALLOC_FAILED", "Allocation of memory failed."),
        new Entry(-0x2800, "MBEDTLS_ERR_X509_BAD_INPUT_DATA", "Input invalid."),
        new Entry(-0x2780, "MBEDTLS_ERR_X509_CERT_UNKNOWN_FORMAT", "Format not recognized as DER or PEM."),
        new Entry(-0x2700, "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED", "Certificate verification failed, e.g. CRL, CA or signature check failed."),
        new Entry(-0x2680, "MBEDTLS_ERR_X509_SIG_MISMATCH", "Signature algorithms do not match. (see mbedtls_x509_crt sig_oid)"),
        new Entry(-0x2600, "MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG", "Signature algorithm (oid) is unsupported."),
        new Entry(-0x2580, "MBEDTLS_ERR_X509_UNKNOWN_VERSION", "CRT/CRL/CSR has an unsupported version number."),
        new Entry(-0x2500, "MBEDTLS_ERR_X509_INVALID_EXTENSIONS", "The extension tag or value is invalid."),
        new Entry(-0x2480, "MBEDTLS_ERR_X509_INVALID_SIGNATURE", "The signature tag or value invalid."),
        new Entry(-0x2400, "MBEDTLS_ERR_X509_INVALID_DATE", "The date tag or value is invalid."),
        new Entry(-0x2380, "MBEDTLS_ERR_X509_INVALID_NAME", "The name tag or value is invalid."),
        new Entry(-0x2300, "MBEDTLS_ERR_X509_INVALID_ALG", "The algorithm tag or value is invalid."),
        new Entry(-0x2280, "MBEDTLS_ERR_X509_INVALID_SERIAL", "The serial tag or value is invalid."),
        new Entry(-0x2200, "MBEDTLS_ERR_X509_INVALID_VERSION", "The CRT/CRL/CSR version element is invalid."),
        new Entry(-0x2180, "MBEDTLS_ERR_X509_INVALID_FORMAT", "The CRT/CRL/CSR format is invalid, e.g. different type expected."),
        new Entry(-0x2100, "MBEDTLS_ERR_X509_UNKNOWN_OID", "Requested OID is unknown."),
        new Entry(-0x2080, "MBEDTLS_ERR_X509_FEATURE_UNAVAILABLE", "Unavailable feature, e.g. RSA hashing/encryption combination."),
        // pkcs12.h
        new Entry(-0x1F80, "MBEDTLS_ERR_PKCS12_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x1F00, "MBEDTLS_ERR_PKCS12_FEATURE_UNAVAILABLE", "Feature not available, e.g. unsupported encryption scheme."),
        new Entry(-0x1E80, "MBEDTLS_ERR_PKCS12_PBE_INVALID_FORMAT", "PBE ASN.1 data not as expected."),
        new Entry(-0x1E00, "MBEDTLS_ERR_PKCS12_PASSWORD_MISMATCH", "Given private key password does not allow for correct decryption."),
        // pem.h
        new Entry(-0x1480, "MBEDTLS_ERR_PEM_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x1400, "MBEDTLS_ERR_PEM_FEATURE_UNAVAILABLE", "Unavailable feature, e.g. hashing/encryption combination."),
        new Entry(-0x1380, "MBEDTLS_ERR_PEM_PASSWORD_MISMATCH", "Given private key password does not allow for correct decryption."),
        new Entry(-0x1300, "MBEDTLS_ERR_PEM_PASSWORD_REQUIRED", "Private key password can't be empty."),
        new Entry(-0x1280, "MBEDTLS_ERR_PEM_UNKNOWN_ENC_ALG", "Unsupported key encryption algorithm."),
        new Entry(-0x1200, "MBEDTLS_ERR_PEM_INVALID_ENC_IV", "RSA IV is not in hex-format."),
        new Entry(-0x1180, "MBEDTLS_ERR_PEM_ALLOC_FAILED", "Failed to allocate memory."),
        new Entry(-0x1100, "MBEDTLS_ERR_PEM_INVALID_DATA", "PEM string is not as expected."),
        new Entry(-0x1080, "MBEDTLS_ERR_PEM_NO_HEADER_FOOTER_PRESENT", "No PEM header or footer found."),
        // cmac.h
        new Entry(-0x007A, "MBEDTLS_ERR_CMAC_HW_ACCEL_FAILED", "CMAC hardware accelerator failed."),
        // sha512.h
        new Entry(-0x0075, "MBEDTLS_ERR_SHA512_BAD_INPUT_DATA", "SHA-512 input data was malformed."),
        // sha256.h
        new Entry(-0x0074, "MBEDTLS_ERR_SHA256_BAD_INPUT_DATA", "SHA-256 input data was malformed."),
        // sha1.h
        new Entry(-0x0073, "MBEDTLS_ERR_SHA1_BAD_INPUT_DATA", "SHA-1 input data was malformed."),
        // platform.h
        new Entry(-0x0072, "MBEDTLS_ERR_PLATFORM_FEATURE_UNSUPPORTED", "The requested feature is not supported by the platform"),
        new Entry(-0x0070, "MBEDTLS_ERR_PLATFORM_HW_ACCEL_FAILED", "Hardware accelerator failed"),
        // error.h
        new Entry(-0x006E, "MBEDTLS_ERR_ERROR_CORRUPTION_DETECTED", "This is a bug in the library"),
        // asn1.h
        new Entry(-0x006C, "MBEDTLS_ERR_ASN1_BUF_TOO_SMALL", "Buffer too small when writing ASN.1 data structure."),
        new Entry(-0x006A, "MBEDTLS_ERR_ASN1_ALLOC_FAILED", "Memory allocation failed"),
        new Entry(-0x0068, "MBEDTLS_ERR_ASN1_INVALID_DATA", "Data is invalid."),
        new Entry(-0x0066, "MBEDTLS_ERR_ASN1_LENGTH_MISMATCH", "Actual length differs from expected length."),
        new Entry(-0x0064, "MBEDTLS_ERR_ASN1_INVALID_LENGTH", "Error when trying to determine the length or invalid length."),
        new Entry(-0x0062, "MBEDTLS_ERR_ASN1_UNEXPECTED_TAG", "ASN1 tag was of an unexpected value."),
        new Entry(-0x0060, "MBEDTLS_ERR_ASN1_OUT_OF_DATA", "Out of data when parsing an ASN1 data structure."),
        // aria.h
        new Entry(-0x005E, "MBEDTLS_ERR_ARIA_INVALID_INPUT_LENGTH", "Invalid data input length."),
        new Entry(-0x005C, "MBEDTLS_ERR_ARIA_BAD_INPUT_DATA", "Bad input data."),
        // poly1305.h
        new Entry(-0x005B, "MBEDTLS_ERR_POLY1305_HW_ACCEL_FAILED", "Poly1305 hardware accelerator failed."),
        // aria.h
        new Entry(-0x005A, "MBEDTLS_ERR_ARIA_FEATURE_UNAVAILABLE", "Feature not available. For example, an unsupported ARIA key size."),
        // poly1305.h
        new Entry(-0x0059, "MBEDTLS_ERR_POLY1305_FEATURE_UNAVAILABLE", "Feature not available. For example, s part of the API is not implemented."),
        // aria.h
        new Entry(-0x0058, "MBEDTLS_ERR_ARIA_HW_ACCEL_FAILED", "ARIA hardware accelerator failed."),
        // poly1305.h
        new Entry(-0x0057, "MBEDTLS_ERR_POLY1305_BAD_INPUT_DATA", "Invalid input parameter(s)."),
        // chachapoly.h
        new Entry(-0x0056, "MBEDTLS_ERR_CHACHAPOLY_AUTH_FAILED", "Authenticated decryption failed: data was not authentic."),
        // chacha20.h
        new Entry(-0x0055, "MBEDTLS_ERR_CHACHA20_HW_ACCEL_FAILED", "Chacha20 hardware accelerator failed."),
        // chachapoly.h
        new Entry(-0x0054, "MBEDTLS_ERR_CHACHAPOLY_BAD_STATE", "The requested operation is not permitted in the current state."),
        // chacha20.h
        new Entry(-0x0053, "MBEDTLS_ERR_CHACHA20_FEATURE_UNAVAILABLE", "Feature not available. For example, s part of the API is not implemented."),
        // net_sockets.h
        new Entry(-0x0052, "MBEDTLS_ERR_NET_UNKNOWN_HOST", "Failed to get an IP address for the given hostname."),
        // chacha20.h
        new Entry(-0x0051, "MBEDTLS_ERR_CHACHA20_BAD_INPUT_DATA", "Invalid input parameter(s)."),
        // net_sockets.h
        new Entry(-0x0050, "MBEDTLS_ERR_NET_CONN_RESET", "Connection was reset by peer."),
        new Entry(-0x004E, "MBEDTLS_ERR_NET_SEND_FAILED", "Sending information through the socket failed."),
        new Entry(-0x004C, "MBEDTLS_ERR_NET_RECV_FAILED", "Reading information from the socket failed."),
        new Entry(-0x004A, "MBEDTLS_ERR_NET_ACCEPT_FAILED", "Could not accept the incoming connection."),
        new Entry(-0x0049, "MBEDTLS_ERR_NET_BAD_INPUT_DATA", "Input invalid."),
        new Entry(-0x0048, "MBEDTLS_ERR_NET_LISTEN_FAILED", "Could not listen on the socket."),
        new Entry(-0x0047, "MBEDTLS_ERR_NET_POLL_FAILED", "Polling the net context failed."),
        new Entry(-0x0046, "MBEDTLS_ERR_NET_BIND_FAILED", "Binding of the socket failed."),
        new Entry(-0x0045, "MBEDTLS_ERR_NET_INVALID_CONTEXT", "The context is invalid, eg because it was free()ed."),
        new Entry(-0x0044, "MBEDTLS_ERR_NET_CONNECT_FAILED", "The connection to the given server / port failed."),
        new Entry(-0x0043, "MBEDTLS_ERR_NET_BUFFER_TOO_SMALL", "Buffer is too small to hold the data."),
        new Entry(-0x0042, "MBEDTLS_ERR_NET_SOCKET_FAILED", "Failed to open a socket."),
        // entropy.h
        new Entry(-0x0040, "MBEDTLS_ERR_ENTROPY_NO_SOURCES_DEFINED", "No sources have been added to poll."),
        new Entry(-0x003F, "MBEDTLS_ERR_ENTROPY_FILE_IO_ERROR", "Read/write error in file."),
        new Entry(-0x003E, "MBEDTLS_ERR_ENTROPY_MAX_SOURCES", "No more sources can be added."),
        new Entry(-0x003D, "MBEDTLS_ERR_ENTROPY_NO_STRONG_SOURCE", "No strong sources have been added to poll."),
        new Entry(-0x003C, "MBEDTLS_ERR_ENTROPY_SOURCE_FAILED", "Critical entropy source failure."),
        // ctr_drbg.h
        new Entry(-0x003A, "MBEDTLS_ERR_CTR_DRBG_FILE_IO_ERROR", "Read or write error in file."),
        // sha512.h
        new Entry(-0x0039, "MBEDTLS_ERR_SHA512_HW_ACCEL_FAILED", "SHA-512 hardware accelerator failed"),
        // ctr_drbg.h
        new Entry(-0x0038, "MBEDTLS_ERR_CTR_DRBG_INPUT_TOO_BIG", "The input (entropy + additional data) is too large."),
        // sha256.h
        new Entry(-0x0037, "MBEDTLS_ERR_SHA256_HW_ACCEL_FAILED", "SHA-256 hardware accelerator failed"),
        // ctr_drbg.h
        new Entry(-0x0036, "MBEDTLS_ERR_CTR_DRBG_REQUEST_TOO_BIG", "The requested random buffer length is too big."),
        // sha1.h
        new Entry(-0x0035, "MBEDTLS_ERR_SHA1_HW_ACCEL_FAILED", "SHA-1 hardware accelerator failed"),
        // ctr_drbg.h
        new Entry(-0x0034, "MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED", "The entropy source failed."),
        // des.h
        new Entry(-0x0033, "MBEDTLS_ERR_DES_HW_ACCEL_FAILED", "DES hardware accelerator failed."),
        new Entry(-0x0032, "MBEDTLS_ERR_DES_INVALID_INPUT_LENGTH", "The data input has an invalid length."),
        // ripemd160.h
        new Entry(-0x0031, "MBEDTLS_ERR_RIPEMD160_HW_ACCEL_FAILED", "RIPEMD160 hardware accelerator failed"),
        // padlock.h
        new Entry(-0x0030, "MBEDTLS_ERR_PADLOCK_DATA_MISALIGNED", "Input data should be aligned."),
        // md5.h
        new Entry(-0x002F, "MBEDTLS_ERR_MD5_HW_ACCEL_FAILED", "MD5 hardware accelerator failed"),
        // oid.h
        new Entry(-0x002E, "MBEDTLS_ERR_OID_NOT_FOUND", "OID is not found."),
        // md4.h
        new Entry(-0x002D, "MBEDTLS_ERR_MD4_HW_ACCEL_FAILED", "MD4 hardware accelerator failed"),
        // base64.h
        new Entry(-0x002C, "MBEDTLS_ERR_BASE64_INVALID_CHARACTER", "Invalid character in input."),
        // md2.h
        new Entry(-0x002B, "MBEDTLS_ERR_MD2_HW_ACCEL_FAILED", "MD2 hardware accelerator failed"),
        // base64.h
        new Entry(-0x002A, "MBEDTLS_ERR_BASE64_BUFFER_TOO_SMALL", "Output buffer too small."),
        // xtea.h
        new Entry(-0x0029, "MBEDTLS_ERR_XTEA_HW_ACCEL_FAILED", "XTEA hardware accelerator failed."),
        new Entry(-0x0028, "MBEDTLS_ERR_XTEA_INVALID_INPUT_LENGTH", "The data input has an invalid length."),
        // camellia.h
        new Entry(-0x0027, "MBEDTLS_ERR_CAMELLIA_HW_ACCEL_FAILED", "Camellia hardware accelerator failed."),
        new Entry(-0x0026, "MBEDTLS_ERR_CAMELLIA_INVALID_INPUT_LENGTH", "Invalid data input length."),
        // aes.h
        new Entry(-0x0025, "MBEDTLS_ERR_AES_HW_ACCEL_FAILED", "AES hardware accelerator failed."),
        // camellia.h
        new Entry(-0x0024, "MBEDTLS_ERR_CAMELLIA_BAD_INPUT_DATA", "Bad input data."),
        // aes.h
        new Entry(-0x0023, "MBEDTLS_ERR_AES_FEATURE_UNAVAILABLE", "Feature not available. For example, an unsupported AES key size."),
        new Entry(-0x0022, "MBEDTLS_ERR_AES_INVALID_INPUT_LENGTH", "Invalid data input length."),
        new Entry(-0x0021, "MBEDTLS_ERR_AES_BAD_INPUT_DATA", "Invalid input data."),
        new Entry(-0x0020, "MBEDTLS_ERR_AES_INVALID_KEY_LENGTH", "Invalid key length."),
        // threading.h
        new Entry(-0x001E, "MBEDTLS_ERR_THREADING_MUTEX_ERROR", "Locking / unlocking / free failed with error code."),
        new Entry(-0x001C, "MBEDTLS_ERR_THREADING_BAD_INPUT_DATA", "Bad input parameters to function."),
        new Entry(-0x001A, "MBEDTLS_ERR_THREADING_FEATURE_UNAVAILABLE", "The selected feature is not available."),
        // arc4.h
        new Entry(-0x0019, "MBEDTLS_ERR_ARC4_HW_ACCEL_FAILED", "ARC4 hardware accelerator failed."),
        // blowfish.h
        new Entry(-0x0018, "MBEDTLS_ERR_BLOWFISH_INVALID_INPUT_LENGTH", "Invalid data input length."),
        new Entry(-0x0017, "MBEDTLS_ERR_BLOWFISH_HW_ACCEL_FAILED", "Blowfish hardware accelerator failed."),
        new Entry(-0x0016, "MBEDTLS_ERR_BLOWFISH_BAD_INPUT_DATA", "Bad input data."),
        // gcm.h
        new Entry(-0x0014, "MBEDTLS_ERR_GCM_BAD_INPUT", "Bad input parameters to function."),
        new Entry(-0x0013, "MBEDTLS_ERR_GCM_HW_ACCEL_FAILED", "GCM hardware accelerator failed."),
        new Entry(-0x0012, "MBEDTLS_ERR_GCM_AUTH_FAILED", "Authenticated decryption failed."),
        // ccm.h
        new Entry(-0x0011, "MBEDTLS_ERR_CCM_HW_ACCEL_FAILED", "CCM hardware accelerator failed."),
        // bignum.h
        new Entry(-0x0010, "MBEDTLS_ERR_MPI_ALLOC_FAILED", "Memory allocation failed."),
        // ccm.h
        new Entry(-0x000F, "MBEDTLS_ERR_CCM_AUTH_FAILED", "Authenticated decryption failed."),
        // bignum.h
        new Entry(-0x000E, "MBEDTLS_ERR_MPI_NOT_ACCEPTABLE", "The input arguments are not acceptable."),
        // ccm.h
        new Entry(-0x000D, "MBEDTLS_ERR_CCM_BAD_INPUT", "Bad input parameters to the function."),
        // bignum.h
        new Entry(-0x000C, "MBEDTLS_ERR_MPI_DIVISION_BY_ZERO", "The input argument for division is zero, which is not allowed."),
        // oid.h
        new Entry(-0x000B, "MBEDTLS_ERR_OID_BUF_TOO_SMALL", "output buffer is too small"),
        // bignum.h
        new Entry(-0x000A, "MBEDTLS_ERR_MPI_NEGATIVE_VALUE", "The input arguments are negative or result in illegal output."),
        // hmac_drbg.h
        new Entry(-0x0009, "MBEDTLS_ERR_HMAC_DRBG_ENTROPY_SOURCE_FAILED", "The entropy source failed."),
        // bignum.h
        new Entry(-0x0008, "MBEDTLS_ERR_MPI_BUFFER_TOO_SMALL", "The buffer is too small to write to."),
        // hmac_drbg.h
        new Entry(-0x0007, "MBEDTLS_ERR_HMAC_DRBG_FILE_IO_ERROR", "Read/write error in file."),
        // bignum.h
        new Entry(-0x0006, "MBEDTLS_ERR_MPI_INVALID_CHARACTER", "There is an invalid character in the digit string."),
        // hmac_drbg.h
        new Entry(-0x0005, "MBEDTLS_ERR_HMAC_DRBG_INPUT_TOO_BIG", "Input too large (Entropy + additional)."),
        // bignum.h
        new Entry(-0x0004, "MBEDTLS_ERR_MPI_BAD_INPUT_DATA", "Bad input parameters to function."),
        // hmac_drbg.h
        new Entry(-0x0003, "MBEDTLS_ERR_HMAC_DRBG_REQUEST_TOO_BIG", "Too many random requested in single call."),
        // bignum.h
        new Entry(-0x0002, "MBEDTLS_ERR_MPI_FILE_IO_ERROR", "An error occurred while reading from or writing to a file."),
        // error.h
        new Entry(-0x0001, "MBEDTLS_ERR_ERROR_GENERIC_ERROR", "Generic error"),
    };
}
