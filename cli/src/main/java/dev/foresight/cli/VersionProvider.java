package dev.foresight.cli;

import dev.foresight.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version of Foresight and of the main parts it is built on, from a resource filtered at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/foresight-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "foresight " + p.getProperty("version", "unknown"),
            "kafka " + EmbeddedKafkaBroker.kafkaVersion() + ", avro " + p.getProperty("avro", "?")
                    + ", smile " + p.getProperty("smile", "?"),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "license GPL-3.0-or-later"
        };
    }

    static String version() {
        try {
            return new VersionProvider().getVersion()[0].substring("foresight ".length());
        } catch (IOException e) {
            return "unknown";
        }
    }
}
