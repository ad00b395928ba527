package dev.foresight.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.backblaze.BackblazeDatasetFacts;
import dev.foresight.producers.dataset.backblaze.BackblazeImportOptions;
import dev.foresight.producers.dataset.backblaze.BackblazeImportResult;
import dev.foresight.producers.dataset.backblaze.BackblazeImporter;
import dev.foresight.producers.dataset.lanl.FailureLawFit;
import dev.foresight.producers.dataset.lanl.FailureLawTable;
import dev.foresight.producers.dataset.lanl.ForwardValidation;
import dev.foresight.producers.dataset.lanl.LanlDataset;
import dev.foresight.producers.dataset.lanl.LanlImporter;
import dev.foresight.producers.dataset.lanl.LanlTraces;
import dev.foresight.producers.dataset.lanl.ScenarioSnippet;
import dev.foresight.producers.dataset.lanl.SystemFailureLaws;
import dev.foresight.producers.dataset.lanl.SystemTrace;
import dev.foresight.producers.dataset.lanl.SystemValidation;
import dev.foresight.producers.dataset.lanl.ValidationTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foresight dataset import backblaze|lanl|bluegene} and {@code foresight dataset fit}: real data in. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Import real datasets (Backblaze SMART and Blue Gene/L RAS logs as recordings, LANL failures as traces) "
                + "and fit failure laws.",
        subcommands = {DatasetCommand.Import.class, DatasetCommand.Fit.class})
final class DatasetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say 'import' or 'fit'");
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a dataset.",
            subcommands = {ImportBackblaze.class, ImportLanl.class, ImportBlueGeneCommand.class})
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "say 'backblaze', 'lanl' or 'bluegene'");
        }
    }

    @Command(name = "backblaze", mixinStandardHelpOptions = true,
            description = {"Backblaze daily SMART CSV files -> a recording that replay, train and evaluate read.",
                "One tick per day, telemetry smart_<id>_raw and capacity_bytes per drive-day (node = serial number),",
                "FAILED on each drive's failure=1 day. Rows must be in date order (Backblaze's files are);",
                "malformed rows are skipped and counted."})
    static final class ImportBackblaze implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "CSV", description = "Backblaze CSV files, in date order.")
        List<Path> inputs;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The recording directory to write.")
        Path out;

        @Option(names = "--healthy-weight", defaultValue = "1", paramLabel = "W",
                description = "Weight of a never-failing drive's windows in evaluation, undoing the dataset's sampling "
                        + "(the shared 2013 slice keeps 1 healthy drive in 5: use 5). Default: ${DEFAULT-VALUE}.")
        double healthyWeight;

        @Option(names = "--failed-weight", defaultValue = "1", paramLabel = "W",
                description = "Weight of a failing drive's windows (default: ${DEFAULT-VALUE}).")
        double failedWeight;

        @picocli.CommandLine.Mixin
        ImportHandling handling = new ImportHandling();


        @Override
        public Integer call() {
            long started = System.nanoTime();
            BackblazeImportResult result = BackblazeImporter.run(BackblazeImportOptions.of(inputs, out)
                    .withSampling(new SamplingWeights(healthyWeight, failedWeight)).withStrict(handling.strict).withOverwrite(handling.overwrite)
                    .withVersions(Map.of("foresight", VersionProvider.version())));
            BackblazeDatasetFacts f = result.facts();
            PrintStream o = System.out;
            o.printf(Locale.ROOT, "imported %s in %.1f s -> %s%n", f.name(), (System.nanoTime() - started) / 1e9, out.toAbsolutePath());
            o.printf(Locale.ROOT, "  rows read %d, imported %d, skipped %d%n", f.rowsRead(), f.rowsImported(), result.rowsSkipped());
            f.skipped().forEach((reason, n) -> {
                o.printf(Locale.ROOT, "    skipped %-20s %d, e.g.%n", reason, n);
                result.skippedExamples().getOrDefault(reason, List.of()).forEach(where -> o.println("      " + where));
            });
            o.printf(Locale.ROOT, "  drives %d, failed drives %d, days %d (ticks 0..%d), rows %s%n", f.drives(), f.failedDrives(),
                    result.days(), result.days() - 1, f.rowOrder());
            o.printf(Locale.ROOT, "  metrics %s%n", f.metrics());
            o.printf(Locale.ROOT, "  sampling weights: healthy drives x%s, failed drives x%s%s%n", healthyWeight, failedWeight,
                    f.sampling().unweighted() ? " (none declared; the shared 2013 slice needs --healthy-weight 5, see its README)" : "");
            o.printf(Locale.ROOT, "  records %s%n", result.recordCounts());
            return 0;
        }
    }

    @Command(name = "lanl", mixinStandardHelpOptions = true,
            description = {"LANL failure records (LA-UR-05-7318 CSV) -> one failure trace per system.",
                "Writes system-<id>.csv per system and an index, traces.json. Same Event=Yes records and repeated",
                "reports of one outage are collapsed."})
    static final class ImportLanl implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CSV", description = "The LANL CSV file.")
        Path input;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The directory to write the traces into.")
        Path out;

        @picocli.CommandLine.Mixin
        ImportHandling handling = new ImportHandling();


        @Override
        public Integer call() {
            LanlDataset dataset = LanlImporter.read(input, handling.strict);
            LanlImporter.write(dataset, out, handling.overwrite);
            System.out.printf(Locale.ROOT, "imported %s -> %s%n", input.getFileName(), out.toAbsolutePath());
            System.out.printf(Locale.ROOT, "  rows read %d, skipped %d %s%n", dataset.rowsRead(), dataset.rowsSkipped(),
                    dataset.skipped().isEmpty() ? "" : dataset.skipped());
            dataset.skippedExamples().forEach((reason, where) -> where.forEach(w -> System.out.println("    " + reason + ": " + w)));
            System.out.printf(Locale.ROOT, "  %-6s %7s %7s %6s %9s %9s %11s  %s%n", "system", "records", "outages", "nodes",
                    "sameEvent", "overlaps", "systemWide", "file");
            for (SystemTrace t : dataset.systems()) {
                System.out.printf(Locale.ROOT, "  %-6s %7d %7d %6d %9d %9d %11d  system-%s.csv%n", t.system(), t.counts().records(),
                        t.outages().size(), t.nodesWithOutages(), t.counts().sameEventMerged(), t.counts().overlapsMerged(),
                        t.counts().systemWide(), t.system());
            }
            System.out.println("  fit the failure laws: foresight dataset fit " + out);
            System.out.println("  replay one in the cluster model: foresight experiment compare SCENARIO --failure-trace DIR/system-<id>.csv (trace node n = scenario node n)");
            return 0;
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit failure laws per system and print them as a table, scenario YAML and JSON.",
                "Weibull time between failures (node uptime and system gaps) and log-normal repair time, by maximum",
                "likelihood with confidence intervals. --validate-on LATER checks the node-uptime law on a later file."})
    static final class Fit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR_OR_CSV", description = "A directory from 'dataset import lanl', or the LANL CSV itself.")
        Path source;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the fits as JSON ('-' for standard output).")
        String json;

        @Option(names = "--min-samples", defaultValue = "10", description = "Fewest samples a law is fitted on (default: ${DEFAULT-VALUE}).")
        int minSamples;

        @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
        double confidence;

        @Option(names = "--system", split = ",", paramLabel = "ID", description = "Only these systems (default: all).")
        List<String> systems;

        @Option(names = "--validate-on", paramLabel = "LATER_DIR_OR_CSV",
                description = {"Check each system's node-uptime law forward: fit it (with censoring) on DIR_OR_CSV, as a whole and "
                        + "over its last --recent-days, and test each fit on this later file's uptimes (plain Kolmogorov-Smirnov, "
                        + "censored likelihood ratio, change test, one-sample log-rank)."})
        Path validateOn;

        @Option(names = "--recent-days", defaultValue = "365", paramLabel = "DAYS",
                description = "The recent window of the earlier file that --validate-on also fits (default: ${DEFAULT-VALUE}).")
        int recentDays;

        @Option(names = "--alpha", defaultValue = "0.05", description = "Level of the --validate-on verdicts (default: ${DEFAULT-VALUE}).")
        double alpha;

        @Override
        public Integer call() {
            FailureLawFit fit = new FailureLawFit(minSamples, confidence);
            LanlDataset dataset = LanlTraces.load(source);
            List<SystemFailureLaws> laws = dataset.systems().stream()
                    .filter(t -> systems == null || systems.contains(t.system()))
                    .map(fit::fit).toList();
            if (laws.isEmpty()) {
                throw new IllegalArgumentException("no system " + systems + " in " + source);
            }
            System.out.println(FailureLawTable.render(laws));
            System.out.println("Node uptime: repair -> next failure of the same node, pooled over the system's nodes (the scenario's "
                    + "failures.weibull). System gap: between failure starts anywhere in the system. '<1' marks a 95% interval "
                    + "entirely below 1: a decreasing hazard.");
            System.out.println();
            System.out.println("# Scenario snippets (paste under the top level of a scenario YAML):");
            laws.forEach(l -> System.out.println(ScenarioSnippet.yaml(l)));
            laws.stream().filter(l -> !l.notes().isEmpty())
                    .forEach(l -> System.out.println("# system " + l.system() + ": " + String.join("; ", l.notes())));
            List<SystemValidation> validations = validateOn == null ? List.of() : validate(dataset);
            if (json != null) {
                writeJson(laws, dataset, validations);
            }
            return 0;
        }

        private List<SystemValidation> validate(LanlDataset earlier) {
            if (recentDays < 1) {
                throw new IllegalArgumentException("--recent-days must be at least 1: " + recentDays);
            }
            Map<String, SystemTrace> later = new LinkedHashMap<>();
            LanlTraces.load(validateOn).systems().forEach(t -> later.put(t.system(), t));
            ForwardValidation check = new ForwardValidation(java.time.Duration.ofDays(recentDays), minSamples);
            List<SystemValidation> validations = earlier.systems().stream()
                    .filter(t -> (systems == null || systems.contains(t.system())) && later.containsKey(t.system()))
                    .map(t -> check.validate(t, later.get(t.system()))).toList();
            if (validations.isEmpty()) {
                throw new IllegalArgumentException("--validate-on " + validateOn + " has no system in common with " + source);
            }
            System.out.println();
            System.out.println("# Checked forward on " + validateOn.getFileName() + ": node uptime, Weibull fitted with censoring (uptimes "
                    + "cut by a file's end count as at least that long); 'later' is the later file's own fit");
            System.out.print(ValidationTable.render(validations, alpha));
            System.out.println("# KS: plain Kolmogorov-Smirnov on the later complete uptimes (censored ones dropped, so biased short). "
                    + "LR: the later uptimes against the law as fitted. Change: one law for both periods against one each. O/E: "
                    + "later failures over those the law expects for the same exposure (log-rank). Verdicts at alpha " + alpha + ".");
            return validations;
        }

        private void writeJson(List<SystemFailureLaws> laws, LanlDataset dataset, List<SystemValidation> validations) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("source", source.toString());
            document.put("confidence", confidence);
            document.put("minSamples", minSamples);
            document.put("sources", dataset.sources());
            document.put("systems", laws);
            if (!validations.isEmpty()) {
                document.put("validatedOn", validateOn.toString());
                document.put("recentDays", recentDays);
                document.put("validations", validations);
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            try {
                if ("-".equals(json)) {
                    System.out.println(mapper.writeValueAsString(document));
                } else {
                    mapper.writeValue(Path.of(json).toFile(), document);
                    System.out.println("# JSON: " + Path.of(json).toAbsolutePath());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
    }

    /** How every importer treats malformed rows and an existing output directory. */
    static final class ImportHandling {
        @Option(names = "--strict", description = "Stop at the first malformed row instead of skipping and counting it.")
        boolean strict;

        @Option(names = "--overwrite", description = "Write into a directory that already holds files.")
        boolean overwrite;
    }
}
