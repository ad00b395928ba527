package dev.foresight.cli;

import dev.foresight.experiments.sweep.summary.MarkdownTable;
import dev.foresight.experiments.sweep.summary.SummaryFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code foresight experiment sweep-table DIR}: a finished sweep's headline as Markdown, for a README. */
@Command(name = "sweep-table", mixinStandardHelpOptions = true,
        description = "Print a sweep's headline (paired differences from periodic on useful work, energy and lost work, "
                + "then seed by seed) as Markdown, from its summary.json; runs nothing.")
final class SweepTableCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's output directory (or its summary.json).")
    Path dir;

    @Override
    public Integer call() {
        System.out.print(MarkdownTable.render(SummaryFiles.readJson(dir)));
        return 0;
    }
}
