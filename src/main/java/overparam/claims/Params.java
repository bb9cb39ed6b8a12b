package overparam.claims;

import overparam.nn.Activation;
import overparam.nn.Activations;

import java.util.*;

/** Parameter values of one run: declared defaults overridden by the researcher's {@code --set key=value}. */
public final class Params {
    private final String owner;
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public Params(String owner, List<ParamSpec> declared, Map<String, String> overrides) {
        this.owner = owner;
        for (ParamSpec s : declared) {
            specs.put(s.name(), s);
            values.put(s.name(), s.defaultValue());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!specs.containsKey(e.getKey()))
                throw new BadInput("unknown parameter '" + e.getKey() + "' for " + owner + "; known: "
                        + (specs.isEmpty() ? "(none)" : String.join(", ", specs.keySet())));
            values.put(e.getKey(), e.getValue());
            check(specs.get(e.getKey()));
        }
    }

    private void check(ParamSpec s) {
        switch (s.type()) {
            case INT -> integer(s.name());
            case INT_RANGE -> range(s.name());
            case REAL -> real(s.name());
            case ACTIVATION -> activation(s.name());
            case STRING -> string(s.name());
            case ACTIVATIONS -> activations(s.name());
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

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
