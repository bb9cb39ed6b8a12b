package overparam.claims;

/** The verdict of one claim (DESIGN.md). ERROR marks a harness failure, NOT_RUN a registered claim without a run. */
public enum Verdict {
    HOLDS, REFUTED, TREND, VACUOUS, INCONCLUSIVE, ERROR, NOT_RUN;

    /** The catalogue's expectation column mapped to a verdict; "open" has no default. */
    public static Verdict fromCatalogue(String expectation) {
        return switch (expectation) {
            case "hold" -> HOLDS;
            case "refute" -> REFUTED;
            case "vacuous" -> VACUOUS;
            case "trend" -> TREND;
            case "open" -> null;
            default -> throw new IllegalArgumentException("unknown catalogue expectation '" + expectation + "'");
        };
    }

    public static Verdict parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown verdict '" + s + "'; one of " + java.util.Arrays.toString(values()));
        }
    }
}
