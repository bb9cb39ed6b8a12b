package overparam.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import overparam.claims.*;
import overparam.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a claim over a grid of parameters (every combination of the --grid values), T trials per cell, cells in parallel.",
                "Writes DIR/sweep.csv (one row per cell and trial: verdict, worst margin, counterexample, rates) and plots: a heat map for "
                        + "two grid keys, a line plot for one (DIR/sweep-refuted.png: fraction of trials refuted; DIR/sweep-margin.png: worst margin).",
                "Trial t of every cell uses the same seed (derived from --seed and t), so cells differ only by their parameters.",
                "Besides the claim's parameters (see 'show ID'), two run settings may be grid keys: tries (instances per property) "
                        + "and seed (the base seed), e.g. --grid tries=10,100,1000 for any claim."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "claim id")
    String id;

    @Option(names = "--grid", required = true, paramLabel = "KEY=V1,V2,...", description = "a parameter and its values; repeatable (one axis each)")
    List<String> grid;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "fixed claim parameters for every cell; repeatable")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--generator", paramLabel = "NAME", description = "generator for every cell (claims with a generator parameter)")
    String generator;

    @Option(names = "--trials", defaultValue = "1", paramLabel = "T", description = "trials per cell; default ${DEFAULT-VALUE}")
    int trials;

    @Option(names = "--tries", description = "instances (or trials) per property in each run, replacing the default")
    Integer tries;

    @Option(names = "--seed", defaultValue = "20261125", description = "seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--search", description = "adversarial search in every run")
    boolean search;

    @Option(names = "--threads", paramLabel = "N", description = "parallel runs; default: the number of cores")
    Integer threads;

    @Option(names = "--out", defaultValue = "reports/sweep", paramLabel = "DIR", description = "output directory; default ${DEFAULT-VALUE}")
    Path out;

    record Axis(String key, List<String> values) {}

    record Cell(int index, Map<String, String> values) {
        String label() {
            StringJoiner j = new StringJoiner(" ");
            values.forEach((k, v) -> j.add(k + "=" + v));
            return j.toString();
        }
    }

    @Override
    public Integer call() throws Exception {
        Ids.info(id);
        Claim claim = Main.claimsOf(spec).claim(id);
        if (trials < 1) throw new BadInput("--trials must be >= 1, got " + trials);
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) throw new BadInput("--threads must be >= 1, got " + nThreads);
        List<Axis> axes = parseGrid(grid);
        Map<String, String> fixed = new LinkedHashMap<>(set);
        if (generator != null) fixed.put(ProbeCommand.generatorParameter(claim), generator);
        for (Axis a : axes)
            if (fixed.containsKey(a.key())) throw new BadInput("'" + a.key() + "' is both on the grid and fixed with --set/--generator");
        List<Cell> cells = cells(axes);
        if (tries != null && axes.stream().anyMatch(a -> a.key().equals("tries"))) throw new BadInput("'tries' is both on the grid and in --tries");
        for (Cell c : cells) {
            new Params(claim.id(), claim.parameters(), overrides(fixed, c)); // refuse bad values before running
            cellTries(c);
            cellSeed(c, 0);
        }

        int total = cells.size() * trials;
        RunContext.Progress progress = Console.progress();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        Map<Cell, List<Future<ClaimResult>>> futures = new LinkedHashMap<>();
        long start = System.currentTimeMillis();
        try {
            for (Cell c : cells) {
                List<Future<ClaimResult>> fs = new ArrayList<>();
                for (int t = 0; t < trials; t++) {
                    RunContext ctx = new RunContext(Level.CI, cellSeed(c, t), cellTries(c), overrides(fixed, c), search, out, null,
                            RunContext.Progress.NONE);
                    fs.add(pool.submit(() -> {
                        ClaimResult r = Runs.runSafely(claim, ctx, false);
                        progress.update("sweep " + claim.id(), done.incrementAndGet(), total);
                        return r;
                    }));
                }
                futures.put(c, fs);
            }
            progress.update("sweep " + claim.id(), 0, total);
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<Cell, List<ClaimResult>> results = new LinkedHashMap<>();
            for (Map.Entry<Cell, List<Future<ClaimResult>>> e : futures.entrySet()) {
                List<ClaimResult> rs = new ArrayList<>();
                for (int t = 0; t < e.getValue().size(); t++) {
                    ClaimResult r = e.getValue().get(t).get();
                    rs.add(r);
                    rows.add(row(e.getKey(), axes, t, cellSeed(e.getKey(), t), r));
                }
                results.put(e.getKey(), rs);
            }
            Console.clearProgress();
            Files.createDirectories(out);
            Path csv = out.resolve("sweep.csv");
            writeCsv(csv, axes, rows);
            List<Path> plots = plot(out, claim.id(), axes, results);
            plots.removeIf(Objects::isNull);
            int errors = summary(results, total, System.currentTimeMillis() - start);
            System.out.println("wrote " + csv);
            for (Path p : plots) System.out.println("wrote " + p);
            if (axes.size() > 2) System.out.println("(no plot for more than two grid keys)");
            return errors > 0 ? Main.INTERNAL : Main.OK;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Axis> parseGrid(List<String> grid) {
        List<Axis> axes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String g : grid) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) throw new BadInput("--grid '" + g + "': expected KEY=V1,V2,...");
            String key = g.substring(0, eq).trim();
            List<String> values = Arrays.stream(g.substring(eq + 1).split(",")).map(String::trim).toList();
            if (values.stream().anyMatch(String::isEmpty)) throw new BadInput("--grid '" + g + "': empty value");
            if (new HashSet<>(values).size() != values.size()) throw new BadInput("--grid '" + g + "': repeated value");
            if (!keys.add(key)) throw new BadInput("--grid: key '" + key + "' given twice");
            axes.add(new Axis(key, values));
        }
        return axes;
    }

    static List<Cell> cells(List<Axis> axes) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos)
                for (String v : a.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(a.key(), v);
                    next.add(m);
                }
            combos = next;
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) cells.add(new Cell(i, combos.get(i)));
        return cells;
    }

    /** Grid keys that are run settings, not claim parameters. */
    static final Set<String> RUN_KEYS = Set.of("tries", "seed");

    private static Map<String, String> overrides(Map<String, String> fixed, Cell c) {
        Map<String, String> m = new LinkedHashMap<>(fixed);
        c.values().forEach((k, v) -> {
            if (!RUN_KEYS.contains(k)) m.put(k, v);
        });
        return m;
    }

    private Integer cellTries(Cell c) {
        String v = c.values().get("tries");
        if (v == null) return tries;
        try {
            int t = Integer.parseInt(v);
            if (t >= 1) return t;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadInput("--grid tries: '" + v + "' is not a positive integer");
    }

    /** The seed of trial t of a cell: from the cell's seed (grid key) or --seed, and t. */
    private long cellSeed(Cell c, int t) {
        long base = seed;
        String v = c.values().get("seed");
        if (v != null) {
            try {
                base = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new BadInput("--grid seed: '" + v + "' is not an integer");
            }
        }
        return new RunContext(Level.CI, base, null, Map.of(), false, out, null, RunContext.Progress.NONE).seedFor("sweep trial " + t);
    }

    private static Map<String, Object> row(Cell c, List<Axis> axes, int trial, long seed, ClaimResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.index());
        for (Axis a : axes) m.put(a.key(), c.values().get(a.key()));
        m.put("trial", trial);
        m.put("seed", seed);
        m.put("verdict", r.verdict().name());
        m.put("expected", r.expected() == null ? "" : r.expected().name());
        Evidence w = r.worstEvidence();
        m.put("worst_margin", w == null ? null : w.margin());
        m.put("worst_slack", w == null ? null : w.slack());
        m.put("worst_label", w == null ? "" : w.label());
        m.put("tries", r.properties().stream().filter(p -> p.expected() == Verdict.HOLDS).mapToInt(PropertyOutcome::tries).sum());
        Counterexample cx = r.counterexample();
        m.put("refuted_property", cx == null ? "" : cx.property());
        m.put("cx_margin", cx == null ? null : cx.evidence().margin());
        m.put("certification", cx == null ? "" : cx.certification());
        RateEvidence worstRate = r.rates().stream().max(Comparator.comparingDouble(RateEvidence::rate)).orElse(null);
        m.put("rate_max", worstRate == null ? null : worstRate.rate());
        m.put("rate_ci_high", worstRate == null ? null : worstRate.ciHigh());
        m.put("rate_bound", worstRate == null ? null : worstRate.bound());
        m.put("rate_failures", r.rates().isEmpty() ? null : r.rates().stream().mapToLong(RateEvidence::failures).sum());
        m.put("rate_trials", r.rates().isEmpty() ? null : r.rates().stream().mapToLong(RateEvidence::trials).sum());
        m.put("summary", r.summary());
        m.put("millis", r.millis());
        return m;
    }

    private static void writeCsv(Path file, List<Axis> axes, List<Map<String, Object>> rows) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (String col : rows.get(0).keySet()) b.addColumn(col);
        new CsvMapper().writer(b.build()).writeValue(file.toFile(), rows);
    }

    /** Per cell: fraction of trials REFUTED, and the smallest worst margin (NaN when the claim reports none). */
    record CellStats(double refuted, double minMargin, Map<Verdict, Integer> verdicts) {
        static CellStats of(List<ClaimResult> rs) {
            Map<Verdict, Integer> v = new EnumMap<>(Verdict.class);
            double min = Double.NaN;
            for (ClaimResult r : rs) {
                v.merge(r.verdict(), 1, Integer::sum);
                Evidence w = r.worstEvidence();
                if (w != null && Double.isFinite(w.margin())) min = Double.isNaN(min) ? w.margin() : Math.min(min, w.margin());
            }
            return new CellStats((double) v.getOrDefault(Verdict.REFUTED, 0) / rs.size(), min, v);
        }
    }

    private static int summary(Map<Cell, List<ClaimResult>> results, int runs, long millis) {
        System.out.printf("%-40s %-28s %s%n", "cell", "verdicts", "smallest worst margin");
        int errors = 0;
        for (Map.Entry<Cell, List<ClaimResult>> e : results.entrySet()) {
            CellStats s = CellStats.of(e.getValue());
            errors += s.verdicts().getOrDefault(Verdict.ERROR, 0);
            System.out.printf("%-40s %-28s %s%n", e.getKey().label(), s.verdicts(), Double.isNaN(s.minMargin()) ? "-" : String.format("%.6g", s.minMargin()));
            for (ClaimResult r : e.getValue())
                if (r.verdict() == Verdict.ERROR) System.out.println("    ERROR: " + r.summary());
        }
        System.out.printf("%d runs in %.1f s%n", runs, millis / 1000.0);
        return errors;
    }

    private static List<Path> plot(Path dir, String id, List<Axis> axes, Map<Cell, List<ClaimResult>> results) {
        List<Path> files = new ArrayList<>();
        if (axes.isEmpty() || axes.size() > 2) return files;
        Map<Map<String, String>, CellStats> stats = new LinkedHashMap<>();
        results.forEach((c, rs) -> stats.put(c.values(), CellStats.of(rs)));
        boolean anyMargin = stats.values().stream().anyMatch(s -> !Double.isNaN(s.minMargin()));
        String refutedTitle = id + ": fraction of trials REFUTED";
        String marginTitle = id + ": smallest worst margin over trials";
        if (axes.size() == 1) {
            Axis a = axes.get(0);
            double[] refuted = new double[a.values().size()], margin = new double[a.values().size()];
            for (int i = 0; i < refuted.length; i++) {
                CellStats s = stats.get(Map.of(a.key(), a.values().get(i)));
                refuted[i] = s.refuted();
                margin[i] = s.minMargin();
            }
            files.add(line(dir.resolve("sweep-refuted.png"), refutedTitle, a, "fraction refuted", refuted));
            if (anyMargin) files.add(line(dir.resolve("sweep-margin.png"), marginTitle, a, "worst margin", margin));
        } else {
            files.add(heatMap(dir.resolve("sweep-refuted.png"), refutedTitle, axes, stats, CellStats::refuted, 0.0, 1.0));
            if (anyMargin) files.add(heatMap(dir.resolve("sweep-margin.png"), marginTitle, axes, stats, CellStats::minMargin, null, null));
        }
        return files;
    }

    private static Path line(Path file, String title, Axis a, String yLabel, double[] y) {
        double[] x = numeric(a.values());
        if (x != null) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++)
                if (!Double.isNaN(y[i])) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            org.knowm.xchart.XYChart c = Plots.chart(title, a.key(), yLabel, false, false, List.of(new Plots.Series(yLabel,
                    xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(), true)));
            c.getSeriesMap().values().forEach(s -> s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE));
            return Plots.save(file, c);
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(600).title(title).xAxisTitle(a.key()).yAxisTitle(yLabel).build();
        List<Double> ys = new ArrayList<>();
        for (double v : y) ys.add(Double.isNaN(v) ? 0.0 : v);
        c.addSeries(yLabel, a.values(), ys);
        return Plots.save(file, c);
    }

    private static Path heatMap(Path file, String title, List<Axis> axes, Map<Map<String, String>, CellStats> stats,
                                java.util.function.ToDoubleFunction<CellStats> value, Double min, Double max) {
        Axis ax = axes.get(0), ay = axes.get(1);
        HeatMapChart c = new HeatMapChartBuilder().width(900).height(700).title(title).xAxisTitle(ax.key()).yAxisTitle(ay.key()).build();
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format("%.3g", v));
        List<Number[]> heat = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ax.values().size(); i++)
            for (int j = 0; j < ay.values().size(); j++) {
                Map<String, String> key = new LinkedHashMap<>();
                key.put(ax.key(), ax.values().get(i));
                key.put(ay.key(), ay.values().get(j));
                double v = value.applyAsDouble(stats.get(key));
                if (Double.isNaN(v)) continue;
                heat.add(new Number[] {i, j, v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        if (heat.isEmpty()) return null;
        c.getStyler().setMin(min != null ? min : lo);
        c.getStyler().setMax(max != null ? max : hi > lo ? hi : lo + 1);
        c.addSeries(title, ax.values(), ay.values(), heat);
        return Plots.save(file, c);
    }

    private static double[] numeric(List<String> values) {
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return x;
    }
}
