package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hilharness.devlog.LogFormatsFile;
import io.hilharness.devlog.RegexLogFormat;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's hardware map: the boards attached to this workstation and how to reach, flash, reset and
 * power each. Read strictly: an unknown key or an unusable value is an error naming file, line and field.
 */
public record LabConfig(Path file, Path lockDir, List<LabBoard> boards, List<RegexLogFormat> formats, HealthPolicy health) {
    public static final String ENV_VARIABLE = "HIL_LAB_CONFIG";

    /** The file as written; {@code formats} is read a second time, by {@link LogFormatsFile}, which knows its lines. */
    record LabFile(@JsonProperty("lock_dir") String lockDir,
                   @JsonProperty("formats") com.fasterxml.jackson.databind.JsonNode formats,
                   @JsonProperty("health") HealthPolicy health,
                   @JsonProperty(value = "boards", required = true) LinkedHashMap<String, BoardSpec> boards) {
    }

    public LabConfig {
        boards = List.copyOf(boards);
    }

    /** {@code --lab FILE} if given, else {@code $HIL_LAB_CONFIG}, else {@code ~/.config/hil/lab.yaml}. */
    public static Path locate(Path option, Map<String, String> env, Path home) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return home.resolve(".config/hil/lab.yaml");
    }

    public static LabConfig locateAndRead(Path option) throws LabConfigException {
        return read(locate(option, System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public static LabConfig read(Path file) throws LabConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new LabConfigException(file, 0, null, "no such lab config file (give --lab FILE or set " + ENV_VARIABLE + ")");
        } catch (IOException e) {
            throw new LabConfigException(file, 0, null, "cannot read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new LabConfigException(file, 0, null, "the file is empty");
        }
        YamlLines lines = new YamlLines(text);
        LabFile parsed;
        try {
            parsed = Json.yaml().readValue(text, LabFile.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> path = path(e);
            throw new LabConfigException(file, lineOr(lines.lineOf(path.toArray(String[]::new)), e), String.join(".", path),
                    "unknown key (known keys: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            // The parser's position can be past the culprit (a missing key is noticed at the block's end).
            List<String> path = path(e);
            String field = String.join(".", path);
            throw new LabConfigException(file, lineOr(lines.lineOf(path.toArray(String[]::new)), e),
                    field.isEmpty() ? null : field, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new LabConfigException(file, line(e), null, e.getOriginalMessage());
        }
        if (parsed == null || parsed.boards() == null) {
            throw new LabConfigException(file, 0, "boards", "the file names no boards");
        }
        List<RegexLogFormat> formats = parsed.formats() == null ? List.of() : userFormats(file);
        List<LabBoard> boards = new ArrayList<>();
        BoardSpecCheck check = new BoardSpecCheck(file, lines, formats.stream().map(RegexLogFormat::name).toList());
        for (Map.Entry<String, BoardSpec> entry : parsed.boards().entrySet()) {
            if (entry.getValue() == null) {
                throw new LabConfigException(file, lines.lineOf("boards", entry.getKey()), "boards." + entry.getKey(),
                        "the board has no settings");
            }
            check.check(entry.getKey(), entry.getValue());
            boards.add(new LabBoard(entry.getKey(), entry.getValue(), file));
        }
        Path lockDir = parsed.lockDir() != null ? Path.of(parsed.lockDir()) : defaultLockDir();
        HealthPolicy health = parsed.health() == null ? HealthPolicy.defaults() : parsed.health();
        if (health.threshold() < 1) {
            throw new LabConfigException(file, lines.lineOf("health", "maintenance_after"), "health.maintenance_after",
                    "must be at least 1 (campaigns in a row)");
        }
        return new LabConfig(file, lockDir, boards, formats, health);
    }

    /** The user's own log formats (named regexes with death patterns), the same syntax hil analyze --formats reads. */
    private static List<RegexLogFormat> userFormats(Path file) throws LabConfigException {
        try {
            return LogFormatsFile.read(file);
        } catch (LogFormatsFile.FormatConfigException e) {
            throw new LabConfigException(e.getMessage());
        } catch (IOException e) {
            throw new LabConfigException(file, 0, "formats", "cannot read: " + e.getMessage());
        }
    }

    /** The user format a board's log_format names, if it names one. */
    public Optional<RegexLogFormat> userFormat(String name) {
        return formats.stream().filter(f -> f.name().equalsIgnoreCase(String.valueOf(name))).findFirst();
    }

    /** Shared by every user of the machine, so a colleague's campaign is seen too. */
    static Path defaultLockDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "hil-locks");
    }

    /**
     * Boards matching {@code selector}: a board name, {@code tag:TAG}, or {@code all}. No match is an
     * error listing what the file has.
     */
    public List<LabBoard> select(String selector) {
        List<LabBoard> matched;
        if (selector.equals("all")) {
            matched = boards;
        } else if (selector.startsWith("tag:")) {
            String tag = selector.substring("tag:".length());
            matched = boards.stream().filter(b -> b.hasTag(tag)).toList();
        } else {
            matched = boards.stream().filter(b -> b.name().equals(selector)).toList();
        }
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("no board matches '" + selector + "' in " + file + " (boards: "
                    + boards.stream().map(LabBoard::name).toList() + ", tags: "
                    + boards.stream().flatMap(b -> b.spec().tags().stream()).distinct().sorted().toList() + ")");
        }
        return matched;
    }

    private static List<String> path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.toList());
    }

    private static int lineOr(int found, JsonProcessingException e) {
        return found > 0 ? found : line(e);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
