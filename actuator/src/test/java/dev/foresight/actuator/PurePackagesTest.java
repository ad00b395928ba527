package dev.foresight.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The decision core stays free of Kafka: only the {@code app} package may talk to it. */
class PurePackagesTest {

    @Test
    void onlyTheAppPackageImportsKafka() throws IOException {
        Path root = Path.of("src/main/java/dev/foresight/actuator");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files
                    .filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !root.relativize(f).startsWith("app"))
                    .filter(f -> read(f).contains("import org.apache.kafka"))
                    .map(f -> root.relativize(f).toString())
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
