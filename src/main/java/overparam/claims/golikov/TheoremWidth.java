package overparam.claims.golikov;

import overparam.claims.BadInput;
import overparam.claims.RateEvidence;
import overparam.claims.RunContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The width hypothesis of Du et al.'s Thms 3.2 / 4.1 and Lemma 3.4, m = Omega(n^6 / (lambda0^4 delta^3)), whose
 * constant the theorems hide. A trial draws a dataset of a K7 family and runs at m = ceil(c n^6 / (lambda0^4 delta^3))
 * for a stated constant c, so every dataset gets the width the theorem asks for with that constant. Datasets whose width
 * exceeds the cap are redrawn: the test then covers the datasets with lambda0 >= (c n^6 / (cap delta^3))^(1/4), and the
 * report says how many were redrawn. The datasets used are collected into the configuration's details.
 */
final class TheoremWidth {
    private static final int MAX_REDRAWS = 1000;

    final String kind;
    final int n, d, cap;
    final double c, delta;
    private final List<Instance> used = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    /** A dataset, its lambda0, the width the theorem asks for, how many datasets were redrawn before it, an init seed. */
    record Instance(DuData.Data data, double lambda0, int width, int redraws, long initSeed) {}

    TheoremWidth(String kind, int n, int d, double c, double delta, int cap) {
        this.kind = kind;
        this.n = n;
        this.d = d;
        this.c = c;
        this.delta = delta;
        this.cap = cap;
        details.put("width rule", String.format("m = ceil(c n^6 / (lambda0^4 delta^3)) with c = %.3g, n = %d, delta = %s; datasets "
                + "needing m > %d are redrawn (covers lambda0 >= %.3g)", c, n, delta, cap, lambda0Floor()));
    }

    static double width(double c, int n, double lambda0, double delta) {
        return Math.ceil(c * Math.pow(n, 6) / (Math.pow(lambda0, 4) * Math.pow(delta, 3)));
    }

    /** The smallest lambda0 whose theorem width fits under the cap. */
    double lambda0Floor() {
        return Math.pow(c * Math.pow(n, 6) / (cap * Math.pow(delta, 3)), 0.25);
    }

    Instance draw(long seed) {
        Random rng = new Random(seed);
        for (int k = 0; k <= MAX_REDRAWS; k++) {
            DuData.Data data = DuData.generate(kind, n, d, rng.nextLong());
            double l0 = DuData.lambda0(data.x());
            double m = width(c, n, l0, delta);
            if (l0 > 0 && m <= cap) return new Instance(data, l0, (int) Math.max(1, m), k, rng.nextLong());
        }
        throw new BadInput("no " + kind + " dataset with lambda0 >= " + lambda0Floor() + " in " + MAX_REDRAWS + " draws; raise the cap");
    }

    /**
     * T trials (trial t: dataset and initialisation from seed base + t, base from the claim and the label, as in
     * StatisticalClaim) and the exact Clopper-Pearson interval of the rate of {@code fails} against delta.
     */
    RateEvidence rate(String claimId, String label, int trials, Predicate<Instance> fails, RunContext ctx) {
        long base = ctx.seedFor(claimId + "#" + label);
        int failures = 0;
        for (int t = 0; t < trials; t++) {
            ctx.progress().update(claimId + " " + label, t + 1, trials);
            Instance i = draw(base + t);
            boolean failed = fails.test(i);
            record(i, failed);
            if (failed) failures++;
        }
        return RateEvidence.of(label, trials, failures, delta, details);
    }

    private void record(Instance t, boolean failed) {
        used.add(t);
        double[] l = used.stream().mapToDouble(Instance::lambda0).sorted().toArray();
        int[] m = used.stream().mapToInt(Instance::width).sorted().toArray();
        details.put("lambda0 of the datasets (min, median, max)", String.format("%.3g, %.3g, %.3g", l[0], l[l.length / 2], l[l.length - 1]));
        details.put("widths used (min, median, max)", m[0] + ", " + m[m.length / 2] + ", " + m[m.length - 1]);
        details.put("datasets redrawn (width above the cap)", used.stream().mapToInt(Instance::redraws).sum());
        if (failed) {
            @SuppressWarnings("unchecked")
            List<String> f = (List<String>) details.computeIfAbsent("failing datasets", k -> new ArrayList<String>());
            f.add(String.format("lambda0 %.3g, m %d", t.lambda0(), t.width()));
        }
    }
}
