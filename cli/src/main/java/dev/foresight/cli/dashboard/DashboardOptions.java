package dev.foresight.cli.dashboard;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the dashboard listens: {@code --dashboard-port} and {@code --dashboard-host}. */
public final class DashboardOptions {

    public static final String PORT_OPTION = "--dashboard-port";
    public static final int DEFAULT_PORT = 8080;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int port = DEFAULT_PORT;

    @Option(names = "--dashboard-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface the dashboard listens on; 0.0.0.0 for all, e.g. in a container (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = PORT_OPTION, paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "Dashboard at http://ADDRESS:PORT/; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    void setPort(int value) {
        if (value < 0 || value > 65535) {
            throw new ParameterException(mixee.commandLine(), PORT_OPTION + " must be 0 (any free port) or 1..65535, got " + value);
        }
        port = value;
    }

    /** Starts serving the state. */
    public DashboardServer start(DashboardState state) {
        return DashboardServer.start(state, host, port, PORT_OPTION);
    }
}
