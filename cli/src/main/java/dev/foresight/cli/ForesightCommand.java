package dev.foresight.cli;

import dev.foresight.cli.dashboard.DashboardCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code foresight} command: one entry point for every job of the pipeline. */
@Command(name = "foresight",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Proactive fault tolerance and power management for virtualized HPC clusters,",
            "as a Kafka stream-processing pipeline."},
        subcommands = {
            DemoCommand.class,
            ExperimentCommand.class,
            ReplayCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            AgentCommand.class,
            SimulateCommand.class,
            StreamsCommand.class,
            ActuatorCommand.class,
            DashboardCommand.class,
            BrokerCommand.class,
            TopicsCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ForesightCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: say what there is rather than doing nothing silently.
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ForesightCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
