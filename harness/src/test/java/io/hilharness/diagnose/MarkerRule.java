package io.hilharness.diagnose;

import java.util.List;
import java.util.Map;

/**
 * A user rule as a user would write one, registered through
 * {@code META-INF/services/io.hilharness.diagnose.DiagnosisRule} in the test resources. It fires only
 * for its own image name, so it stays out of every other test's diagnosis.
 */
public final class MarkerRule implements DiagnosisRule {
    public static final String IMAGE = "user-rule-demo";

    @Override
    public String name() {
        return "marker";
    }

    @Override
    public List<Finding> evaluate(Evidence evidence) {
        if (!IMAGE.equals(evidence.image())) {
            return List.of();
        }
        return List.of(new Finding(name(), "The image is the user rule's demo image.", 0.99, Map.of(), List.of(),
                "Nothing to fix."));
    }
}
