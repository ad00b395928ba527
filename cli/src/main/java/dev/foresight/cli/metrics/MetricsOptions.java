package dev.foresight.cli.metrics;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --metrics-port} and {@code --metrics-host}, shared by every long-running command. */
public final class MetricsOptions {

    public static final String PORT_OPTION = "--metrics-port";
    public static final String DEFAULT_HOST = "127.0.0.1";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Integer port;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", defaultValue = DEFAULT_HOST,
            description = "Interface the metrics endpoint listens on; 0.0.0.0 for all, e.g. in a container (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = PORT_OPTION, paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://ADDRESS:PORT/metrics; 0 picks a free port (default: off).")
    void setPort(int value) {
        if (value < 0 || value > 65535) {
            throw new ParameterException(mixee.commandLine(), PORT_OPTION + " must be 0 (any free port) or 1..65535, got " + value);
        }
        port = value;
    }

    public boolean enabled() {
        return port != null;
    }

    /** Starts the endpoint (and says where it is) or returns the disabled metrics. */
    public ComponentMetrics open(String component) {
        if (port == null) {
            return ComponentMetrics.disabled();
        }
        ComponentMetrics metrics = ComponentMetrics.start(component, host, port, PORT_OPTION);
        metrics.endpoint().ifPresent(uri -> System.out.println("metrics: " + uri));
        return metrics;
    }
}
