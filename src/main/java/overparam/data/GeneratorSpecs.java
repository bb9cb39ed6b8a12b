package overparam.data;

import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.BadInput;
import overparam.report.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;

/** The named generator specs of generators/specs.json (parameters, defaults, ranges), shipped on the classpath. */
public final class GeneratorSpecs {
    private static volatile JsonNode root;

    private GeneratorSpecs() {}

    static JsonNode root() {
        if (root == null) {
            try (InputStream in = GeneratorSpecs.class.getResourceAsStream("/generators/specs.json")) {
                if (in == null) throw new IllegalStateException("missing resource /generators/specs.json");
                root = Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (JsonNode g : root().path("generators")) out.add(g.path("name").asText());
        return out;
    }

    public static JsonNode spec(String name) {
        for (JsonNode g : root().path("generators")) if (g.path("name").asText().equals(name)) return g;
        throw new BadInput("unknown generator '" + name + "'; known: " + names());
    }

    /** Default parameters of a generator, overridden by {@code overrides} (unknown keys are refused). */
    public static Map<String, Object> parameters(String name, Map<String, String> overrides) {
        JsonNode params = spec(name).path("params");
        Map<String, Object> out = new LinkedHashMap<>();
        params.fields().forEachRemaining(e -> {
            JsonNode def = e.getValue().path("default");
            out.put(e.getKey(), def.isNumber() ? def.numberValue() : def.asText());
        });
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!out.containsKey(o.getKey()))
                throw new BadInput("generator '" + name + "' has no parameter '" + o.getKey() + "'; it has " + out.keySet());
            out.put(o.getKey(), o.getValue());
        }
        return out;
    }

    /** Generates with defaults and overrides. */
    public static Dataset generate(String name, Map<String, String> overrides, long seed) {
        return Generators.generate(name, parameters(name, overrides), seed);
    }
}
