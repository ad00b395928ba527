package dev.foresight.cli;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scenario named on the command line: a YAML file, or the name of a built-in scenario. */
final class ScenarioArgument {

    private ScenarioArgument() {}

    static Scenario resolve(String argument) {
        Path file = Path.of(argument);
        if (Files.isRegularFile(file)) {
            return ScenarioLoader.load(file);
        }
        if (ScenarioLoader.BUILT_IN.contains(argument)) {
            return ScenarioLoader.builtIn(argument);
        }
        throw new IllegalArgumentException("scenario '" + argument + "' is neither a readable file nor a built-in scenario "
                + ScenarioLoader.BUILT_IN);
    }
}
