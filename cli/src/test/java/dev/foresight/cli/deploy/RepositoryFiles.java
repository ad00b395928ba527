package dev.foresight.cli.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's deployment files, found from the module directory Maven runs the tests in. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("docker-compose.yml")) && Files.isDirectory(candidate.resolve("deploy"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docker-compose.yml with a deploy/ directory above " + dir);
    }

    static Path compose() {
        return root().resolve("docker-compose.yml");
    }

    static Path secure(String name) {
        return root().resolve("deploy/secure").resolve(name);
    }
}
