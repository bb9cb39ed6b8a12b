package overparam.claims.edmonds;

import overparam.linalg.HighPrecision;

/** One shared 60-digit context: building a DfpField computes its constants, so it is made once (Dfp values are immutable). */
final class Precise {
    static final HighPrecision HP = new HighPrecision();

    private Precise() {}
}
