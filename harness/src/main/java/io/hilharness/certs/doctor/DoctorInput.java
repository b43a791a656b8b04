package io.hilharness.certs.doctor;

import io.hilharness.certs.Trust;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the checks look at: the chain exactly as sent (leaf first, as the server put it on the
 * wire), the trust clients use, the names and clocks of client and device.
 *
 * <p>Not a record: a record's toString would print the private key.
 */
public final class DoctorInput {

    private final String source;
    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final Path keyFile;
    private final Trust trust;
    private final List<String> clientNames;
    private final Instant clientTime;
    private final Instant deviceTime;
    private final Integer outContentLen;
    private final LiveHandshake handshake;
    private final List<X509Certificate> deviceChain;
    private final List<WireChain> wireChains;

    private DoctorInput(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.chain = List.copyOf(b.chain);
        this.key = b.key;
        this.keyFile = b.keyFile;
        this.trust = b.trust != null ? b.trust : Trust.system();
        this.clientNames = List.copyOf(b.clientNames);
        this.clientTime = Objects.requireNonNull(b.clientTime, "clientTime");
        this.deviceTime = b.deviceTime;
        this.outContentLen = b.outContentLen;
        this.handshake = b.handshake;
        this.deviceChain = b.deviceChain == null ? null : List.copyOf(b.deviceChain);
        this.wireChains = List.copyOf(b.wireChains);
    }

    public static Builder builder(String source, List<X509Certificate> chain) {
        return new Builder(source, chain);
    }

    /** Where the chain came from: a file name or host:port. */
    public String source() {
        return source;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public Optional<PrivateKey> key() {
        return Optional.ofNullable(key);
    }

    public Optional<Path> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    public Trust trust() {
        return trust;
    }

    /** Host names or IP literals clients type to reach the board; empty when unknown. */
    public List<String> clientNames() {
        return clientNames;
    }

    public Instant clientTime() {
        return clientTime;
    }

    /** The board's own clock, when known (a device log or the user says it). */
    public Optional<Instant> deviceTime() {
        return Optional.ofNullable(deviceTime);
    }

    /** The board's MBEDTLS_SSL_OUT_CONTENT_LEN, when known. */
    public Optional<Integer> outContentLen() {
        return Optional.ofNullable(outContentLen);
    }

    /** The chain the board's own log says it sent (a dumped Certificate message), if one was given. */
    public Optional<List<X509Certificate>> deviceChain() {
        return Optional.ofNullable(deviceChain);
    }

    /** The server's Certificate messages a packet capture saw, one per connection; empty without capture. */
    public List<WireChain> wireChains() {
        return wireChains;
    }

    /** What a real client made of the chain, when it was captured live. */
    public Optional<LiveHandshake> handshake() {
        return Optional.ofNullable(handshake);
    }

    @Override
    public String toString() {
        return "DoctorInput{" + source + ", " + chain.size() + " certs, trust=" + trust
                + (key == null ? "" : ", privateKey=<hidden>") + "}";
    }

    public static final class Builder {
        private final String source;
        private final List<X509Certificate> chain;
        private PrivateKey key;
        private Path keyFile;
        /** Null until set: the system store is read only when nobody chose another trust. */
        private Trust trust;
        private List<String> clientNames = List.of();
        private Instant clientTime = Instant.now();
        private Instant deviceTime;
        private Integer outContentLen;
        private LiveHandshake handshake;
        private List<X509Certificate> deviceChain;
        private List<WireChain> wireChains = List.of();

        private Builder(String source, List<X509Certificate> chain) {
            this.source = source;
            this.chain = chain;
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(source + ": no certificate to examine");
            }
        }

        public Builder key(PrivateKey key, Path keyFile) {
            this.key = key;
            this.keyFile = keyFile;
            return this;
        }

        public Builder trust(Trust trust) {
            this.trust = trust;
            return this;
        }

        public Builder clientNames(List<String> names) {
            this.clientNames = names;
            return this;
        }

        public Builder clientTime(Instant time) {
            this.clientTime = time;
            return this;
        }

        public Builder deviceTime(Instant time) {
            this.deviceTime = time;
            return this;
        }

        public Builder outContentLen(Integer length) {
            this.outContentLen = length;
            return this;
        }

        public Builder handshake(LiveHandshake handshake) {
            this.handshake = handshake;
            return this;
        }

        public Builder deviceChain(List<X509Certificate> chain) {
            this.deviceChain = chain;
            return this;
        }

        public Builder wireChains(List<WireChain> chains) {
            this.wireChains = chains;
            return this;
        }

        public DoctorInput build() {
            return new DoctorInput(this);
        }
    }
}
