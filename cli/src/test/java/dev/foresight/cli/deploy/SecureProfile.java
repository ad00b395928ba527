package dev.foresight.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The broker settings of the compose file's secure profile (deploy/secure/cluster.env), as server properties:
 * the apache/kafka image turns {@code KAFKA_FOO_BAR} into {@code foo.bar}, {@code __} into {@code _} and
 * {@code ___} into {@code -}; this does the same.
 */
final class SecureProfile {

    /** Environment variables of the image that are not server properties. */
    private static final List<String> NOT_PROPERTIES = List.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_LOG4J_", "KAFKA_JMX_");

    private SecureProfile() {}

    static Map<String, String> serverProperties(Path envFile) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String name = trimmed.substring(0, eq);
            if (!name.startsWith("KAFKA_") || NOT_PROPERTIES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            props.put(propertyName(name), trimmed.substring(eq + 1));
        }
        return props;
    }

    static String propertyName(String variable) {
        return variable.substring("KAFKA_".length()).replace("___", "-").replace("__", "\0").replace('_', '.').replace('\0', '_')
                .toLowerCase(Locale.ROOT);
    }

    /** The security part: listeners' protocols and SASL settings, the authorizer and who is a super user. */
    static boolean isSecuritySetting(String property) {
        return property.startsWith("sasl.") || property.startsWith("listener.name.")
                || List.of("listener.security.protocol.map", "inter.broker.listener.name", "controller.listener.names",
                        "authorizer.class.name", "super.users", "allow.everyone.if.no.acl.found").contains(property);
    }
}
