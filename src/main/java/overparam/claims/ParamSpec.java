package overparam.claims;

/**
 * A parameter a researcher may set with {@code --set name=value}. Integer ranges accept "a..b" or a single value.
 * A GENERATOR parameter names a generator of generators/specs.json (the command line's {@code --generator NAME});
 * that generator's own parameters are set as {@code --set <param>.<key>=value}, e.g. {@code generator.eps=1e-4}.
 */
public record ParamSpec(String name, Type type, String defaultValue, String description) {
    public enum Type {INT, INT_RANGE, REAL, STRING, ACTIVATION, ACTIVATIONS, GENERATOR}

    public static ParamSpec integer(String name, int def, String description) {
        return new ParamSpec(name, Type.INT, Integer.toString(def), description);
    }

    public static ParamSpec range(String name, int min, int max, String description) {
        return new ParamSpec(name, Type.INT_RANGE, min + ".." + max, description);
    }

    public static ParamSpec real(String name, double def, String description) {
        return new ParamSpec(name, Type.REAL, Double.toString(def), description);
    }

    public static ParamSpec string(String name, String def, String description) {
        return new ParamSpec(name, Type.STRING, def, description);
    }

    public static ParamSpec activation(String name, String def, String description) {
        return new ParamSpec(name, Type.ACTIVATION, def, description);
    }

    /** A comma-separated list of activation names ("softplus,relu,2*tanh"). */
    public static ParamSpec activations(String name, java.util.List<String> def, String description) {
        return new ParamSpec(name, Type.ACTIVATIONS, String.join(",", def), description);
    }

    /** The dataset generator a claim draws from; read it with {@link Params#generator(String)}. */
    public static ParamSpec generator(String name, String def, String description) {
        return new ParamSpec(name, Type.GENERATOR, def, description);
    }
}
