package dev.foresight.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the embedded broker. Every field has a laptop default.
 *
 * @param port             client port; 0 picks a free one
 * @param dataDir          storage directory kept after close; null means a temporary one deleted on close
 * @param maxMessageBytes  broker-wide record size limit (model releases are large records)
 * @param autoCreateTopics off by default: the topic catalogue creates topics with the right layout
 * @param startTimeout     how long to wait for the broker to serve requests
 * @param listenerSecurity listener/authorizer properties of a security profile; may use the
 *                         placeholders {@code ${HOST}}, {@code ${BROKER_PORT}}, {@code ${CONTROLLER_PORT}}
 * @param clientSecurity   properties clients need for that profile (e.g. SASL settings of an admin user)
 * @param scramCredentials SCRAM users to create when formatting, in {@code kafka-storage --add-scram} syntax
 * @param overrides        any other server property, applied last
 */
public record BrokerSettings(int port, Path dataDir, int maxMessageBytes, boolean autoCreateTopics,
                             Duration startTimeout, Map<String, String> listenerSecurity,
                             Map<String, Object> clientSecurity, List<String> scramCredentials,
                             Map<String, String> overrides) {

    public BrokerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
        }
        if (maxMessageBytes < 1024 * 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 1 MiB, got " + maxMessageBytes);
        }
        listenerSecurity = Map.copyOf(listenerSecurity);
        clientSecurity = Map.copyOf(clientSecurity);
        scramCredentials = List.copyOf(scramCredentials);
        overrides = Map.copyOf(overrides);
    }

    public static BrokerSettings defaults() {
        return new BrokerSettings(0, null, 32 * 1024 * 1024, false, Duration.ofSeconds(60),
                Map.of(), Map.of(), List.of(), Map.of());
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(newPort, dataDir, maxMessageBytes, autoCreateTopics, startTimeout,
                listenerSecurity, clientSecurity, scramCredentials, overrides);
    }

    public BrokerSettings withDataDir(Path newDataDir) {
        return new BrokerSettings(port, newDataDir, maxMessageBytes, autoCreateTopics, startTimeout,
                listenerSecurity, clientSecurity, scramCredentials, overrides);
    }

    public BrokerSettings withSecurity(Map<String, String> newListenerSecurity, Map<String, Object> newClientSecurity,
                                       List<String> newScramCredentials) {
        return new BrokerSettings(port, dataDir, maxMessageBytes, autoCreateTopics, startTimeout,
                newListenerSecurity, newClientSecurity, newScramCredentials, overrides);
    }

    public BrokerSettings withOverrides(Map<String, String> newOverrides) {
        return new BrokerSettings(port, dataDir, maxMessageBytes, autoCreateTopics, startTimeout,
                listenerSecurity, clientSecurity, scramCredentials, newOverrides);
    }
}
