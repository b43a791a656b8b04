package io.hilharness.client;

import java.util.List;

/**
 * What the campaign's clients trusted, as the journal keeps it: so that a diagnosis made later, from
 * the journal alone, judges a rejected chain against the same trust (an image's lab CA is made anew
 * when the image is rebuilt, so the anchors themselves are kept, not a path).
 *
 * @param description as the user named it: "system trust store", "CA file ...", "pinned ..."
 * @param kind        {@code system}, {@code ca} (anchors: the CA file's certificates) or {@code pinned}
 *                    (anchors: the pinned certificate, or none for an SPKI pin)
 * @param anchors     PEM certificates
 */
public record ClientTrust(String description, String kind, List<String> anchors) {
    public static final String SYSTEM = "system";
    public static final String CA = "ca";
    public static final String PINNED = "pinned";

    public ClientTrust {
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }
}
