package overparam.claims;

/**
 * A parameter a researcher may set with {@code --set name=value}. Integer ranges accept "a..b" or a single value.
 */
public record ParamSpec(String name, Type type, String defaultValue, String description) {
    public enum Type {INT, INT_RANGE, REAL, STRING, ACTIVATION, ACTIVATIONS}

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
}
