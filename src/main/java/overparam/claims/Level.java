package overparam.claims;

/** How hard a run tries: CI (default mvn test), FULL (the main job), DEEP (the search profile, 10x tries). */
public enum Level {
    CI(1), FULL(3), DEEP(10);

    public final int multiplier;

    Level(int multiplier) {
        this.multiplier = multiplier;
    }

    public static Level parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level '" + s + "'; one of ci, full, deep");
        }
    }
}
