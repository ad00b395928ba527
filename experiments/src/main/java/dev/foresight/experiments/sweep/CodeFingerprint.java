package dev.foresight.experiments.sweep;

import dev.foresight.actuator.lockstep.TickDecider;
import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Versions;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.schemas.Prediction;
import dev.foresight.streams.ForesightTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 over the compiled classes that decide what a run produces, and the versions of the libraries
 * under them (Kafka Streams, Avro, Smile). The project's version string stays 0.1.0-SNAPSHOT through
 * every change, so only the bytes say whether a stored result came from the code that runs now.
 *
 * <p>Classes that only read results are left out (the reports, the sweep's statistics), and
 * the parts of the sweep that only watch or pace it (progress bar, heap budget, seed parsing, lock):
 * improving how a sweep is summarised or shown must not rerun it. The classes are found where the running JVM
 * loaded them from, a jar (the fat jar, or a module jar) or a build directory.
 */
public final class CodeFingerprint {

    /** One class of each module a run executes, to find where that module's classes are. */
    private static final List<Class<?>> ANCHORS = List.of(Prediction.class, ClusterSimulation.class, FailurePredictor.class,
            SimulationDriver.class, ForesightTopology.class, TickDecider.class, ExperimentRunner.class);

    static final List<String> RUN_PACKAGES = List.of("dev/foresight/schemas/", "dev/foresight/cluster/",
            "dev/foresight/predictor/", "dev/foresight/producers/", "dev/foresight/streams/", "dev/foresight/actuator/",
            "dev/foresight/experiments/");

    // offline training is in: a run with history starts from a model the offline trainer made
    static final List<String> LEFT_OUT = List.of("dev/foresight/experiments/report/",
            "dev/foresight/experiments/sweep/summary/", "dev/foresight/experiments/sweep/SweepProgress",
            "dev/foresight/experiments/sweep/HeapBudget", "dev/foresight/experiments/sweep/SeedList",
            "dev/foresight/experiments/sweep/DirectoryLock");

    private static volatile String current;

    private CodeFingerprint() {}

    /** The fingerprint of the running code, computed once per JVM (about a second on the fat jar). */
    public static String current() {
        String f = current;
        if (f == null) {
            synchronized (CodeFingerprint.class) {
                if (current == null) {
                    current = compute();
                }
                f = current;
            }
        }
        return f;
    }

    static boolean decidesRuns(String entryName) {
        return entryName.endsWith(".class") && RUN_PACKAGES.stream().anyMatch(entryName::startsWith)
                && LEFT_OUT.stream().noneMatch(entryName::startsWith);
    }

    private static String compute() {
        TreeSet<Path> locations = new TreeSet<>();
        for (Class<?> anchor : ANCHORS) {
            locations.add(location(anchor));
        }
        // entry name -> digest of its bytes; sorted, so the order classes are found in never matters
        Map<String, String> classes = new TreeMap<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                readDirectory(location, classes);
            } else {
                readJar(location, classes);
            }
        }
        MessageDigest all = sha256();
        classes.forEach((name, digest) -> all.update((name + "=" + digest + "\n").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> libraries = new TreeMap<>(Versions.all());
        libraries.put("kafka", EmbeddedKafkaBroker.kafkaVersion());
        libraries.forEach((name, version) -> all.update((name + "@" + version + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(all.digest());
    }

    private static Path location(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + anchor.getName() + " was loaded from, so cannot fingerprint the code");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected code location " + source.getLocation(), e);
        }
    }

    private static void readDirectory(Path root, Map<String, String> classes) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (decidesRuns(name)) {
                    classes.put(name, HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + root + " to fingerprint them", e);
        }
    }

    private static void readJar(Path jar, Map<String, String> classes) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                if (!entry.isDirectory() && decidesRuns(entry.getName())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(entry.getName(), HexFormat.of().formatHex(sha256().digest(in.readAllBytes())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + " to fingerprint the code", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
