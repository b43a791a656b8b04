package io.hilharness.client;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Maps what went wrong to an {@link Outcome}. Exceptions are judged by their whole cause chain, because
 * JSSE and OkHttp wrap the telling exception (a CertPathValidatorException, an EOF) in generic ones.
 */
public final class OutcomeClassifier {

    private static final Pattern FATAL_ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private OutcomeClassifier() {
    }

    /** A response that arrived whole; {@code digestOk} null means not checked. */
    public static Classification forResponse(int httpStatus, Boolean digestOk) {
        if (httpStatus >= 400) {
            return new Classification(Outcome.HTTP_ERROR, "HTTP " + httpStatus);
        }
        if (Boolean.FALSE.equals(digestOk)) {
            return new Classification(Outcome.CORRUPT, "body SHA-256 differs from the expected digest");
        }
        return Classification.OK;
    }

    public static Classification classify(Throwable failure, Phase phase) {
        List<Throwable> chain = causeChain(failure);
        String described = describe(failure);

        // Order matters: a hostname failure and a cert failure are both SSL exceptions, and an alert
        // or a timeout can be wrapped in the same IOException as an EOF.
        for (Throwable t : chain) {
            if (t instanceof SSLPeerUnverifiedException && contains(t, "not verified")) {
                return new Classification(Outcome.HOSTNAME_MISMATCH, t.getMessage());
            }
        }
        String pkixReason = pkixReason(chain);
        if (pkixReason != null) {
            return new Classification(Outcome.CERT_REJECTED, pkixReason);
        }
        for (Throwable t : chain) {
            Matcher alert = t instanceof SSLException && t.getMessage() != null
                    ? FATAL_ALERT.matcher(t.getMessage()) : null;
            if (alert != null && alert.find()) {
                return new Classification(Outcome.SERVER_ALERT, alert.group(1));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException) {
                return new Classification(Outcome.REFUSED, described);
            }
        }
        for (Throwable t : chain) {
            // SocketTimeoutException is an InterruptedIOException, and so is OkHttp's call timeout.
            if (t instanceof InterruptedIOException) {
                return new Classification(Outcome.TIMEOUT, described);
            }
        }
        for (Throwable t : chain) {
            if (contains(t, "connection reset") || contains(t, "broken pipe")) {
                return new Classification(Outcome.RESET, described);
            }
        }
        boolean endOfStream = chain.stream().anyMatch(t -> t instanceof EOFException
                || t instanceof ProtocolException || contains(t, "unexpected end of stream")
                || contains(t, "terminated the handshake") || contains(t, "peer shut down"));
        if (endOfStream) {
            // A short body is truncation; an end before any response means the peer hung up on us.
            return phase == Phase.BODY
                    ? new Classification(Outcome.TRUNCATED, described)
                    : new Classification(Outcome.RESET, "closed by peer before a response: " + described);
        }
        return new Classification(Outcome.ERROR, described);
    }

    /**
     * The certificate-path reason, or null when this is not a trust failure. JSSE's own message
     * ("PKIX path validation failed: ...: basic constraints check failed: this is not a CA certificate")
     * names both the stage and the cause, so it is preferred; otherwise the deepest certificate message.
     */
    private static String pkixReason(List<Throwable> chain) {
        String pkixMessage = null;
        String deepest = null;
        String validatorReason = null;
        for (Throwable t : chain) {
            boolean certProblem = t instanceof CertPathValidatorException || t instanceof CertPathBuilderException
                    || t instanceof CertificateException || contains(t, "PKIX path")
                    || contains(t, "unable to find valid certification path");
            if (!certProblem || t.getMessage() == null) {
                continue;
            }
            if (pkixMessage == null && contains(t, "PKIX path")) {
                pkixMessage = t.getMessage();
            }
            deepest = t.getMessage();
            if (t instanceof CertPathValidatorException cpve
                    && cpve.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
                validatorReason = String.valueOf(cpve.getReason());
            }
        }
        String reason = pkixMessage != null && pkixMessage.contains(deepest) ? pkixMessage : deepest;
        if (reason != null && validatorReason != null) {
            reason = reason + " [" + validatorReason + "]";
        }
        return reason;
    }

    /** "Type: message <- Type: message ..." for the whole chain, for details nobody anticipated. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t : causeChain(failure)) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static List<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean contains(Throwable t, String needle) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
