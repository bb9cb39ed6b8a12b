package overparam.cli;

import overparam.data.DataFiles;
import overparam.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Every assumption quantity the papers use, for a dataset you bring: n, d, row norms, ||X||, the separation of "
                + "oymak Assumption 1, sigma_min(X^{*r}), lambda(X), lambda-tilde(X), kappa, kappa-tilde, rank and scaling factor, "
                + "and the width k each oymak theorem demands on this data.",
                "DATA: .csv/.tsv (one point per row, optional header), .json (array of rows, or {\"x\": rows, \"y\": labels}) or "
                        + ".npy (2-D little-endian float64/float32)."})
final class MeasureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "the dataset file")
    Path data;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "A",
            description = "activation for lambda, lambda-tilde, mu and the smooth theorems: relu, softplus, tanh, gausscdf (phi' = Phi), "
                    + "sigmoid, ... or s*name; default ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--normalize", description = "scale every row to unit norm first (the papers assume unit rows)")
    boolean normalize;

    @Option(names = "--label", paramLabel = "COL",
            description = "a label column to drop from the points: header name, 1-based column number, 'first' or 'last'")
    String label;

    @Option(names = "--slack", defaultValue = "1", paramLabel = "DELTA",
            description = "the theorems' concentration slack delta in (1+delta) factors; default ${DEFAULT-VALUE}")
    double slack;

    @Option(names = "--max-r", defaultValue = "3", paramLabel = "R", description = "largest Khatri-Rao power r for sigma_min(X^{*r}); default ${DEFAULT-VALUE}")
    int maxR;

    @Option(names = "--json", description = "print JSON instead of the table")
    boolean json;

    @Override
    public Integer call() {
        DataFiles.Table t = DataFiles.read(data, label);
        AssumptionQuantities.Result r = AssumptionQuantities.measure(data.toString(), t.x(), activation, normalize, slack, maxR);
        if (json) {
            System.out.println(Json.write(r));
            return Main.OK;
        }
        System.out.printf("%s: n = %d points, d = %d%s; activation %s%s%n", data, r.n(), r.d(),
                t.y() == null ? "" : " (labels from column '" + (t.label() == null ? "y" : t.label()) + "' dropped)", r.activation(),
                normalize ? "; rows normalized" : "");
        for (String m : r.messages()) System.out.println("NOTE: " + m);
        System.out.println();
        System.out.printf("%-44s %-14s %s%n", "quantity", "value", "how / note");
        for (AssumptionQuantities.Quantity q : r.quantities())
            System.out.printf("%-44s %-14s %s%n", q.name(), fmt(q.value()), q.note() == null ? "" : q.note());
        if (!r.widths().isEmpty()) {
            System.out.println();
            System.out.printf("width k demanded (delta = %s in the (1+delta) factors):%n", fmt(r.slack()));
            System.out.printf("%-22s %-12s %s%n", "theorem", "k >=", "condition; constants");
            for (AssumptionQuantities.Width w : r.widths()) {
                System.out.printf("%-22s %-12s %s%n", w.theorem(), w.k() == null ? "n/a" : fmt(w.k()), w.condition());
                if (w.constants() != null) System.out.printf("%-22s %-12s constants: %s%n", "", "", w.constants());
                if (w.note() != null) System.out.printf("%-22s %-12s %s%n", "", "", w.note());
            }
        }
        System.out.printf("%n(%d ms)%n", r.millis());
        return Main.OK;
    }

    static String fmt(Double v) {
        if (v == null) return "-";
        if (v.isInfinite()) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString(v.longValue());
        String s = String.format("%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + exponent;
    }
}
