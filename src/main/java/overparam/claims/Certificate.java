package overparam.claims;

import java.math.BigDecimal;

/**
 * The high-precision re-evaluation of a violated margin. {@code certified} only when the violation survives:
 * the high-precision margin is below {@code -tolerance}, where the tolerance now covers only high-precision rounding.
 */
public record Certificate(String method, int digits, BigDecimal margin, BigDecimal tolerance, boolean certified, String note) {
    public static Certificate of(String method, int digits, BigDecimal margin, BigDecimal tolerance, String note) {
        return new Certificate(method, digits, margin, tolerance, margin.compareTo(tolerance.negate()) < 0, note);
    }

    public String status() {
        return certified ? "certified" : "fragile";
    }
}
