package overparam.claims;

import overparam.data.GeneratorChoice;
import overparam.data.GeneratorSpecs;
import overparam.nn.Activation;
import overparam.nn.Activations;

import java.util.*;

/** Parameter values of one run: declared defaults overridden by the researcher's {@code --set key=value}. */
public final class Params {
    private final String owner;
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    /** Settings of GENERATOR parameters' generators, from overrides "param.key=value". */
    private final Map<String, Map<String, String>> generatorSettings = new LinkedHashMap<>();

    public Params(String owner, List<ParamSpec> declared, Map<String, String> overrides) {
        this.owner = owner;
        for (ParamSpec s : declared) {
            specs.put(s.name(), s);
            values.put(s.name(), s.defaultValue());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            int dot = e.getKey().indexOf('.');
            ParamSpec owning = dot > 0 ? specs.get(e.getKey().substring(0, dot)) : null;
            if (owning != null && owning.type() == ParamSpec.Type.GENERATOR) {
                generatorSettings.computeIfAbsent(owning.name(), k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
                continue;
            }
            if (!specs.containsKey(e.getKey()))
                throw new BadInput("unknown parameter '" + e.getKey() + "' for " + owner + "; known: "
                        + (specs.isEmpty() ? "(none)" : String.join(", ", specs.keySet())));
            values.put(e.getKey(), e.getValue());
            check(specs.get(e.getKey()));
        }
        for (String g : generatorSettings.keySet()) generator(g);
    }

    private void check(ParamSpec s) {
        switch (s.type()) {
            case INT -> integer(s.name());
            case INT_RANGE -> range(s.name());
            case REAL -> real(s.name());
            case ACTIVATION -> activation(s.name());
            case STRING -> string(s.name());
            case ACTIVATIONS -> activations(s.name());
            case GENERATOR -> generator(s.name());
        }
    }

    private String raw(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalStateException(owner + " reads undeclared parameter '" + name + "'");
        return v.trim();
    }

    public int integer(String name) {
        String v = raw(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadInput("parameter '" + name + "' of " + owner + " must be an integer, got '" + v + "'");
        }
    }

    /** {min, max}; "a..b" or a single value. */
    public int[] range(String name) {
        String v = raw(name);
        try {
            int[] r;
            if (v.contains("..")) {
                String[] p = v.split("\\.\\.");
                r = new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            } else {
                int x = Integer.parseInt(v);
                r = new int[] {x, x};
            }
            if (r[0] > r[1]) throw new BadInput("parameter '" + name + "' of " + owner + ": empty range " + v);
            return r;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadInput("parameter '" + name + "' of " + owner + " must be an integer or a range a..b, got '" + v + "'");
        }
    }

    public double real(String name) {
        String v = raw(name);
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInput("parameter '" + name + "' of " + owner + " must be a number, got '" + v + "'");
        }
        if (Double.isNaN(x)) throw new BadInput("parameter '" + name + "' of " + owner + " is NaN");
        return x;
    }

    public String string(String name) {
        return raw(name);
    }

    /** A comma-separated list of activation names, each checked against the library. */
    public java.util.List<String> activations(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : raw(name).split(",")) {
            String t = a.trim();
            if (t.isEmpty()) continue;
            try {
                Activations.byName(t);
            } catch (IllegalArgumentException e) {
                throw new BadInput("parameter '" + name + "' of " + owner + ": " + e.getMessage());
            }
            out.add(t);
        }
        if (out.isEmpty()) throw new BadInput("parameter '" + name + "' of " + owner + " names no activation");
        return out;
    }

    public Activation activation(String name) {
        try {
            return Activations.byName(raw(name));
        } catch (IllegalArgumentException e) {
            throw new BadInput("parameter '" + name + "' of " + owner + ": " + e.getMessage());
        }
    }

    /**
     * The generator a GENERATOR parameter names, with the researcher's settings of its own parameters
     * ("name.key=value"); unknown generators and unknown generator parameters are refused here.
     */
    public GeneratorChoice generator(String name) {
        String g = raw(name);
        if (!GeneratorSpecs.names().contains(g))
            throw new BadInput("parameter '" + name + "' of " + owner + ": unknown generator '" + g + "'; known: " + GeneratorSpecs.names());
        Map<String, String> settings = generatorSettings.getOrDefault(name, Map.of());
        GeneratorSpecs.parameters(g, settings);
        return new GeneratorChoice(owner, g, settings);
    }

    /** Every value, including generator settings as "param.key". */
    public Map<String, String> values() {
        if (generatorSettings.isEmpty()) return Collections.unmodifiableMap(values);
        Map<String, String> all = new LinkedHashMap<>(values);
        generatorSettings.forEach((g, m) -> m.forEach((k, v) -> all.put(g + "." + k, v)));
        return Collections.unmodifiableMap(all);
    }
}
