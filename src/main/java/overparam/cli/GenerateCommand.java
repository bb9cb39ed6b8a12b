package overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.BadInput;
import overparam.data.DataFiles;
import overparam.data.Dataset;
import overparam.data.GeneratorSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a dataset with a named generator of generators/specs.json and write it as JSON, CSV or .npy (by the extension of --out).",
                "The dataset is a pure function of (generator, parameters, seed); 'measure' reads the file back."})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "generator name (omit it, or use --list, to see them)")
    String name;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "generator parameter; repeatable (see --list)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "0", description = "seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "output file: .json, .csv, .tsv or .npy")
    Path out;

    @Option(names = "--list", description = "list the generators with their parameters")
    boolean list;

    @Override
    public Integer call() {
        if (list || name == null) {
            for (String gen : GeneratorSpecs.names()) {
                JsonNode g = GeneratorSpecs.spec(gen);
                StringBuilder p = new StringBuilder();
                g.path("params").fields().forEachRemaining(e -> p.append(p.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                        .append(e.getValue().path("default").asText()));
                System.out.printf("%-13s %-28s %s%n", g.path("name").asText(), p, g.path("description").asText());
            }
            if (name == null && !list) {
                System.err.println("error: missing NAME (one of the generators above)");
                return Main.BAD_INPUT;
            }
            return Main.OK;
        }
        if (out == null) throw new BadInput("missing --out FILE (.json, .csv, .tsv or .npy)");
        DataFiles.Format.of(out);
        Dataset ds = GeneratorSpecs.generate(name, set, seed);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("generator", ds.generator());
        meta.put("params", ds.params());
        meta.put("seed", ds.seed());
        List<Path> written = DataFiles.write(out, ds.x(), null, meta);
        System.out.println("generated " + ds.spec() + ": n = " + ds.n() + ", d = " + ds.d());
        for (Path p : written) System.out.println("wrote " + p);
        return Main.OK;
    }
}
