package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.nn.Activation;
import overparam.nn.Activations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * boob-lan/P002-03, section 4: condition C1, and the claim that Softplus, Sigmoid, Sigmoid symmetric, Gaussian, Gaussian
 * symmetric, Elliot, Elliot symmetric, Erf and tanh, and their derivatives, satisfy it.
 */
final class C1Claim extends BoobLanClaim {
    C1Claim() {
        super("boob-lan/P002-03");
    }

    /** One question to the checker: h (or h') of an activation on (a, b); {@code exact}: use declared pieces. */
    public record C1Case(String activation, boolean derivative, double a, double b) {
        C1Checker.Subject subject(boolean exact) {
            C1Checker.Subject s = C1Checker.Subject.of(PaperActivations.byName(activation), derivative);
            return exact ? s : new C1Checker.Subject(s.name(), s.h(), s.hp(), s.derivative(), List.of());
        }
    }

    /** Checker options for the properties: 7 halvings (windows down to (b-a)/128), otherwise standard. */
    static final C1Checker.Options OPTIONS = new C1Checker.Options(7, 1e-3, 0.02, 24, C1Checker.Options.standard().tolerance());

    /** The library survey: 6 halvings (windows down to 12/64 of the range). */
    static final C1Checker.Options LIBRARY_OPTIONS = new C1Checker.Options(6, 1e-3, 0.02, 24, C1Checker.Options.standard().tolerance());

    /**
     * Intervals inside (0, 6), inside (-6, 0), or straddling 0, of length >= 0.05. Beyond |x| ~ 6 the saturating
     * activations (tanh, Erf) are constant to double precision and every window needs a 60-digit decision.
     */
    static Arbitrary<double[]> intervals() {
        return Combinators.combine(Arbitraries.of(-1, 0, 1), Arbitraries.doubles().between(0, 4), Arbitraries.doubles().between(0.05, 2))
                .as((side, start, len) -> side == 0 ? new double[] {-len * start / 4 - 0.01, len * (1 - start / 4) + 0.01}
                        : side > 0 ? new double[] {start, start + len} : new double[] {-start - len, -start});
    }

    /** The activation is drawn without shrinking (a counterexample keeps its activation; its interval shrinks). */
    static Arbitrary<C1Case> cases(List<String> acts, boolean derivative) {
        return Combinators.combine(Arbitraries.randomValue(r -> acts.get(r.nextInt(acts.size()))), intervals())
                .as((a, iv) -> new C1Case(a, derivative, iv[0], iv[1]));
    }

    /** Reports of the checker per case (the hypotheses, the check and the certificate ask the same question). */
    private static final java.util.Map<C1Case, C1Checker.Report> REPORTS = lru(256);

    /** A small synchronized least-recently-used cache (checks are expensive; jqwik and the certifier repeat cases). */
    static <K, V> java.util.Map<K, V> lru(int capacity) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
            protected boolean removeEldestEntry(java.util.Map.Entry<K, V> e) {
                return size() > capacity;
            }
        });
    }

    static C1Checker.Report report(C1Case c) {
        return REPORTS.computeIfAbsent(c, k -> C1Checker.check(k.subject(true), k.a(), k.b(), OPTIONS));
    }

    /** An UNRESOLVED answer (a rounding-level window no 40-digit re-fit could decide) is no instance of either answer. */
    static String decidable(C1Case c) {
        C1Checker.Report r = report(c);
        return r.status() == C1Checker.Status.UNRESOLVED ? "the checker cannot decide: " + String.join("; ", r.notes()) : null;
    }

    /**
     * Margin of "h satisfies C1 on (a, b)": the deciding window's variation against the tolerance it is decided with
     * (double rounding level, or the 40-digit one for windows re-fitted in high precision); the witness if there is one.
     */
    static Evidence satisfies(C1Case c) {
        C1Checker.Report r = report(c);
        C1Checker.Finding f = r.tightest();
        Evidence e = Evidence.ge("C1: relative variation of the tightest window (affine / Moebius fit) >= its rounding-level tolerance",
                        f.decisiveVariation(), f.decisiveTolerance(), 0)
                .with("status", r.status().name()).with("function", r.function()).with("windows", r.windows()).with("window", f.describe());
        if (r.witness() != null) e = e.with("witness", r.witness().describe());
        if (!r.notes().isEmpty()) e = e.with("notes", r.notes());
        return e;
    }

    /** The witness re-fitted in 60 digits: a relative variation at 60-digit rounding level is an exact identity. */
    static Certificate certify(C1Case c, Evidence e) {
        C1Checker.Report r = report(c);
        if (r.witness() == null)
            return Certificate.of("C1 checker", 60, BigDecimal.ONE, new BigDecimal("1e-45"), "no violation found on re-check");
        C1Checker.Finding w = r.witness();
        double hp = C1Checker.hpVariation(c.subject(true).hp(), w.test(), w.a(), w.b(), 24);
        return Certificate.of("60-digit least-squares re-fit of " + w.test().identity, 60,
                new BigDecimal(hp).subtract(new BigDecimal("1e-40")), new BigDecimal("1e-45"),
                String.format(Locale.ROOT, "on (%.6g, %.6g): 60-digit relative variation %.3g; %s", w.a(), w.b(), hp, w.method()));
    }

    static Evidence knownAnswer(C1Case c) {
        C1Checker.Report r = C1Checker.check(c.subject(false), c.a(), c.b(), OPTIONS);
        boolean violator = KNOWN_VIOLATORS.contains(c.activation()) || c.activation().startsWith("fat-cantor-");
        C1Checker.Status truth = violator ? C1Checker.Status.VIOLATES : C1Checker.Status.SATISFIES;
        Evidence e = Evidence.fact("sampling-only checker answers " + truth + " for " + r.function() + " on (" + c.a() + ", " + c.b() + ")", r.status() == truth)
                .with("status", r.status().name());
        return r.witness() == null ? e.with("tightest", r.minVariation()) : e.with("witness", r.witness().describe());
    }

    static final List<String> KNOWN_VIOLATORS = List.of("relu", "leaky-relu", "hard-tanh", "hard-sigmoid", "identity", "linear", "affine",
            "constant", "reciprocal", "shifted-reciprocal", "mobius", "mobius2", "step", "elliot", "elliot-sym");
    static final List<String> KNOWN_SATISFIERS = List.of("tanh", "sigmoid", "softplus", "sin", "square", "cube", "gausscdf", "gaussian", "quadratic", "erf");

    /** a h(alpha x + beta) + b: the C1 answer must not change (with the interval mapped). */
    public record AffineImage(String activation, double a, double alpha, double beta, double b, double lo, double hi) {
        C1Checker.Subject subject() {
            PaperActivation h = PaperActivations.byName(activation);
            return new C1Checker.Subject("a h(alpha x + beta) + b", x -> a * h.phi(alpha * x + beta) + b,
                    x -> h.phi(x.multiply(alpha).add(beta)).multiply(a).add(b), null, List.of());
        }
    }

    private static final java.util.Map<AffineImage, C1Checker.Status[]> METAMORPHIC = lru(256);

    /** {status of h on the image interval, status of a h(alpha x + beta) + b on (lo, hi)}, both by sampling + 60 digits. */
    static C1Checker.Status[] statuses(AffineImage m) {
        C1Checker.Status[] s = METAMORPHIC.get(m);
        if (s != null) return s;
        PaperActivation h = PaperActivations.byName(m.activation());
        double x1 = m.alpha() * m.lo() + m.beta(), x2 = m.alpha() * m.hi() + m.beta();
        C1Checker.Subject plain = new C1Checker.Subject(h.name(), h::phi, h::phi, null, List.of());
        s = new C1Checker.Status[] {C1Checker.check(plain, Math.min(x1, x2), Math.max(x1, x2), OPTIONS).status(),
                C1Checker.check(m.subject(), m.lo(), m.hi(), OPTIONS).status()};
        METAMORPHIC.put(m, s);
        return s;
    }

    static Evidence metamorphic(AffineImage m) {
        C1Checker.Status[] s = statuses(m);
        return Evidence.fact("C1(h) on the image interval == C1(a h(alpha x + beta) + b)", s[0] == s[1]).with("h", s[0].name()).with("transformed", s[1].name());
    }

    @Override
    public List<Property<?>> properties(Params p) {
        List<String> paper = RankLemma.names(PaperActivations.PAPER_LIST);
        var known = Arbitraries.oneOf(
                cases(KNOWN_SATISFIERS, false),
                Combinators.combine(Arbitraries.of(KNOWN_VIOLATORS), Arbitraries.doubles().between(0.3, 4), Arbitraries.doubles().between(0.5, 3))
                        .as((a, start, len) -> new C1Case(a, false, start, start + len)),
                Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.doubles().between(0, 0.6))
                        .as((n, start) -> new C1Case("fat-cantor-" + n, false, start, start + 0.4)));
        var images = Combinators.combine(Arbitraries.of(List.of("tanh", "softplus", "elliot-sym", "relu", "gaussian", "mobius2", "sigmoid")),
                Arbitraries.of(-2.0, -0.5, 0.5, 3.0), Arbitraries.of(-1.5, -0.7, 0.4, 2.0), Arbitraries.doubles().between(-1, 1),
                Arbitraries.doubles().between(-1, 1), Arbitraries.doubles().between(0.2, 2), Arbitraries.doubles().between(0.3, 1.5))
                .as((a, s, al, be, b, lo, len) -> new AffineImage(a, s, al, be, b, lo, lo + len));
        return List.of(
                Property.of("paper-list", C1Case.class)
                        .description("the statement (project expects it refuted: Elliot and Elliot symmetric are Moebius maps on each half-line): the nine activations of section 4 satisfy C1 on intervals inside (0,inf), inside (-inf,0) and straddling 0")
                        .generator("h in the paper's list (softplus, sigmoid, sigmoid-sym, gaussian, gaussian-sym, elliot, elliot-sym, erf, tanh); (a, b) of length [0.05, 2] in (-6, 6)", cases(paper, false))
                        .hypotheses(C1Claim::decidable).check(C1Claim::satisfies).certify(C1Claim::certify).tries(45).build(),
                Property.of("derivatives", C1Case.class)
                        .description("'h'(x) also satisfy condition C1 for all of them'")
                        .generator("h' for the paper's list, intervals as paper-list", cases(paper, true))
                        .hypotheses(C1Claim::decidable).check(C1Claim::satisfies).certify(C1Claim::certify).tries(45).build(),
                Property.of("known-answers", C1Case.class)
                        .description("the checker without exact pieces (sampling + 60-digit confirmation only) agrees with the known answer: piecewise affine / Moebius / flat (fat-Cantor K_n) violate C1, analytic non-Moebius h satisfy it")
                        .generator("known violators on (s, s+l) in (0.3, 7), known satisfiers on paper-list intervals, fat-Cantor K_n on (s, s+0.4)", known)
                        .check(C1Claim::knownAnswer).tries(40).build(),
                Property.of("metamorphic", AffineImage.class)
                        .description("C1 is invariant under h -> a h(alpha x + beta) + b (a, alpha != 0)")
                        .generator("a in {-2,-0.5,0.5,3}, alpha in {-1.5,-0.7,0.4,2}, beta, b in [-1,1]", images)
                        .hypotheses(m -> Arrays.stream(statuses(m)).anyMatch(x -> x == C1Checker.Status.UNRESOLVED)
                                ? "undecided at double precision within the 60-digit budget (e.g. b swamps a tail of h)" : null)
                        .check(C1Claim::metamorphic).tries(30).build());
    }

    /** Every activation the paper lists and every activation of the library (overparam.nn.Activations), h and h', on (-6, 6). */
    @Override
    protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
        List<String> names = new ArrayList<>(PaperActivations.names());
        for (String n : Activations.names()) if (!names.contains(n)) names.add(n);
        for (String n : names) {
            Activation a = PaperActivations.anyByName(n);
            for (boolean der : new boolean[] {false, true}) {
                double lo = n.equals("reciprocal") || n.equals("shifted-reciprocal") || n.equals("log-abs") ? 0.05 : -6;
                if (n.startsWith("mobius")) lo = n.equals("mobius") ? -0.95 : -2.95;
                C1Checker.Report rep = C1Checker.check(C1Checker.Subject.of(a, der), lo, 6, LIBRARY_OPTIONS);
                String key = "C1." + n + (der ? "'" : "");
                r.number(key, rep.status() + (rep.witness() == null ? String.format(Locale.ROOT, " (smallest variation %.3g)", rep.minVariation())
                        : " (" + rep.witness().describe() + ")"));
            }
        }
        return List.of();
    }
}
