package dev.foresight.cluster;

import dev.foresight.cluster.scenario.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scenario that cannot be used. The message names the source, the dotted key path and what is
 * wrong, plus the YAML line and column when known, e.g.
 * {@code small.yaml: failures.weibull.shape: must be > 0, got -1 (line 7, column 12)}.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem; {@code line} and {@code column} are 1-based, 0 when unknown. */
    public record Problem(String keyPath, String message, int line, int column) {
        String describe() {
            StringBuilder b = new StringBuilder();
            if (keyPath != null && !keyPath.isEmpty()) {
                b.append(keyPath).append(": ");
            }
            b.append(message);
            if (line > 0) {
                b.append(" (line ").append(line).append(", column ").append(column).append(')');
            }
            return b.toString();
        }
    }

    private final String source;
    private final List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems, Throwable cause) {
        super(format(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String source, Problem problem, Throwable cause) {
        this(source, List.of(problem), cause);
    }

    static ScenarioException of(String source, Violations violations) {
        return of(source, violations, path -> new int[] {0, 0});
    }

    /** {@code locate} maps a key path to {line, column} (zeros when unknown). */
    static ScenarioException of(String source, Violations violations, Function<String, int[]> locate) {
        List<Problem> problems = new ArrayList<>();
        for (Violations.Violation v : violations.list()) {
            int[] at = locate.apply(v.path());
            problems.add(new Problem(v.path(), v.message(), at[0], at[1]));
        }
        return new ScenarioException(source, problems, null);
    }

    public String source() {
        return source;
    }

    /** Every problem found; the message leads with the first. */
    public List<Problem> problems() {
        return problems;
    }

    /** Key path of the first problem, e.g. {@code failures.weibull.shape}; empty for syntax errors. */
    public String keyPath() {
        return problems.isEmpty() || problems.get(0).keyPath() == null ? "" : problems.get(0).keyPath();
    }

    private static String format(String source, List<Problem> problems) {
        StringBuilder b = new StringBuilder(source).append(": ");
        if (problems.isEmpty()) {
            return b.append("invalid scenario").toString();
        }
        b.append(problems.get(0).describe());
        for (int i = 1; i < problems.size(); i++) {
            b.append("\n").append("  also ").append(problems.get(i).describe());
        }
        return b.toString();
    }
}
