package io.hilharness.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON and YAML configuration of the harness, so journals and reports read back alike. */
public final class Json {
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private Json() {
    }

    /** Made on first use: most commands read no YAML, and SnakeYAML's start is theirs to skip. */
    private static final class Yaml {
        // A key given twice (two boards of one name, tags: twice) would silently keep the last one.
        static final ObjectMapper MAPPER = configure(new ObjectMapper(new YAMLFactory()
                        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** JSON for journals, timelines and --json output: ISO-8601 instants, nulls left out. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Strict YAML for configuration: an unknown key, or one given twice, is a typo the user must hear about. */
    public static ObjectMapper yaml() {
        return Yaml.MAPPER;
    }
}
