package dev.foresight.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads scenario YAML into a validated {@link Scenario}.
 *
 * <p>The file only names what differs from {@link Scenario#defaults()}: its tree is merged over the
 * defaults' tree before binding, so nested sections can be partial. Unknown keys, wrong types and
 * out-of-range values are errors, reported with their dotted key path and YAML line/column. The
 * file may give {@code durationHours} instead of {@code durationTicks}.
 */
public final class ScenarioLoader {

    /** Scenarios shipped in the jar under {@code scenarios/}. */
    public static final List<String> BUILT_IN = List.of("small", "demo", "default", "young-daly");

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** Keys of earlier versions, with where their meaning went, so an old scenario file says how to update it. */
    private static final Map<String, String> REPLACED_KEYS = Map.of(
            "predictableShare", " (replaced by failures.classes.<class>.announced, per failure class: see cluster/README.md)",
            "degradationMinutes", " (replaced by failures.classes.<class>.leadMinutes, per failure class: see cluster/README.md)",
            "falseAlarmRatePerNodeDay", " (replaced by failures.falseAlarms.ratePerNodeDay)");

    private ScenarioLoader() {}

    public static Scenario load(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(yaml.toString(), new ScenarioException.Problem("", "cannot read file: " + e, 0, 0), e);
        }
        return parse(text, yaml.toString());
    }

    /** One of {@link #BUILT_IN}, read from the classpath. */
    public static Scenario builtIn(String name) {
        String resource = "scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(resource,
                        new ScenarioException.Problem("", "no built-in scenario '" + name + "'; known: " + BUILT_IN, 0, 0), null);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new ScenarioException(resource, new ScenarioException.Problem("", "cannot read: " + e, 0, 0), e);
        }
    }

    public static Scenario parse(String yaml, String sourceName) {
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, e);
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
            parsed = MAPPER.createObjectNode();
        }
        if (!parsed.isObject()) {
            throw new ScenarioException(sourceName,
                    new ScenarioException.Problem("", "the top level must be a mapping of keys to values", 1, 1), null);
        }
        Map<String, int[]> locations = locate(yaml);
        ObjectNode user = (ObjectNode) parsed;
        resolveDurationHours(user, sourceName, locations);

        ObjectNode merged = MAPPER.valueToTree(Scenario.defaults());
        merge(merged, user);

        Scenario scenario;
        try {
            scenario = MAPPER.treeToValue(merged, Scenario.class);
        } catch (JsonMappingException e) {
            throw bindingError(sourceName, e, locations);
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, e);
        }
        var violations = scenario.violations();
        if (!violations.isEmpty()) {
            throw ScenarioException.of(sourceName, violations, path -> locations.getOrDefault(path, new int[] {0, 0}));
        }
        return scenario;
    }

    /** Replaces {@code durationHours} by the equivalent {@code durationTicks}. */
    private static void resolveDurationHours(ObjectNode user, String source, Map<String, int[]> locations) {
        JsonNode hours = user.get("durationHours");
        if (hours == null) {
            return;
        }
        int[] at = locations.getOrDefault("durationHours", new int[] {0, 0});
        if (user.has("durationTicks")) {
            throw problem(source, "durationHours", "give either durationHours or durationTicks, not both", at);
        }
        if (!hours.isNumber() || !(hours.asDouble() > 0)) {
            throw problem(source, "durationHours", "must be a number > 0, got " + hours, at);
        }
        JsonNode tickNode = user.get("tickSeconds");
        long tickSeconds = tickNode != null && tickNode.canConvertToLong() && tickNode.asLong() > 0
                ? tickNode.asLong()
                : Scenario.defaults().tickSeconds();
        long ticks = Math.max(1, Math.round(hours.asDouble() * 3600.0 / tickSeconds));
        user.remove("durationHours");
        user.put("durationTicks", ticks);
        locations.put("durationTicks", at);
    }

    /** Deep merge: mappings merge key by key; scalars and lists replace. */
    private static void merge(ObjectNode base, ObjectNode override) {
        for (Map.Entry<String, JsonNode> field : override.properties()) {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /**
     * Dotted key path ({@code failures.weibull.shape}, {@code jobs.coresPerVm[1]}) to 1-based
     * {line, column} of its value in the text (of its key, for a section).
     */
    private static Map<String, int[]> locate(String yaml) {
        Map<String, int[]> locations = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String path = dotted(parser.getParsingContext().pathAsPointer().toString());
                if (path.isEmpty()) {
                    continue;
                }
                JsonLocation at = parser.currentTokenLocation();
                boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                if (token == JsonToken.FIELD_NAME || !container || !locations.containsKey(path)) {
                    locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (IOException e) {
            // readTree parsed this text already; a failure here only costs us line numbers
        }
        return locations;
    }

    /** JSON pointer {@code /jobs/coresPerVm/1} to {@code jobs.coresPerVm[1]}. */
    private static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit) && b.length() > 0) {
                b.append('[').append(key).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(key);
            }
        }
        return b.toString();
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static ScenarioException bindingError(String source, JsonMappingException e, Map<String, int[]> locations) {
        String path = dotted(e.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toList());
            message = "unknown key '" + unknown.getPropertyName() + "'; expected one of " + known
                    + REPLACED_KEYS.getOrDefault(unknown.getPropertyName(), "");
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            List<String> allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toList());
            message = "must be one of " + allowed + ", got '" + format.getValue() + "'";
        } else if (e instanceof InvalidFormatException format) {
            message = "must be " + describe(format.getTargetType()) + ", got '" + format.getValue() + "'";
        } else if (e instanceof InvalidNullException) {
            message = "must have a value";
        } else {
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            message = target != null ? "must be " + describe(target) : e.getOriginalMessage();
        }
        int[] at = locations.getOrDefault(path, new int[] {0, 0});
        return new ScenarioException(source, new ScenarioException.Problem(path, message, at[0], at[1]), e);
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type != null && List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys to values";
    }

    private static ScenarioException syntaxError(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String detail = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage().lines().findFirst().orElse("");
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            // SnakeYAML knows both what it was parsing and where it gave up: report the latter
            detail = (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
            if (yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
                column = yaml.getProblemMark().getColumn() + 1;
            }
        }
        return new ScenarioException(source, new ScenarioException.Problem("", "not valid YAML: " + detail, line, column), e);
    }

    private static ScenarioException problem(String source, String path, String message, int[] at) {
        return new ScenarioException(source, new ScenarioException.Problem(path, message, at[0], at[1]), null);
    }
}
