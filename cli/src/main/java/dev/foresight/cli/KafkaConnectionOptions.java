package dev.foresight.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command reaches an external Kafka cluster: standard Kafka client properties, from a file and/or
 * the bootstrap servers. Commands that can also run on the embedded broker use it when neither is given.
 */
public final class KafkaConnectionOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:FORESIGHT_BOOTSTRAP}",
            description = "Kafka cluster to use (default: $FORESIGHT_BOOTSTRAP, else the embedded broker where the command allows it).")
    String bootstrapServers;

    @Option(names = {"--client-config"}, paramLabel = "FILE",
            description = "Kafka client properties file (security, timeouts, ...), as for any Kafka client.")
    Path clientConfig;

    /** True when the user named an external cluster. */
    public boolean external() {
        return (bootstrapServers != null && !bootstrapServers.isBlank()) || clientConfig != null;
    }

    /** The client properties: the file's, then --bootstrap-servers on top. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        if (clientConfig != null) {
            if (!Files.isReadable(clientConfig)) {
                throw new IllegalArgumentException("--client-config " + clientConfig + ": file does not exist or is not readable");
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(clientConfig)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("--client-config " + clientConfig + ": cannot read: " + e.getMessage(), e);
            }
            p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        }
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            props.put("bootstrap.servers", bootstrapServers);
        }
        if (!props.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("no Kafka cluster given: use --bootstrap-servers, set FORESIGHT_BOOTSTRAP, "
                    + "or put bootstrap.servers in --client-config");
        }
        return props;
    }
}
