package dev.foresight.cli.metrics;

import dev.foresight.schemas.topics.TopicRole;
import java.util.Optional;

/**
 * The bounded label a topic gets on a meter: its role's suffix ({@code telemetry}, {@code predictions}, ...)
 * whatever the prefix, {@code internal} for everything else (Streams changelogs, the actuator's own topics).
 * Full topic names would put run ids into label values and grow without bound.
 */
final class TopicLabel {

    static final String INTERNAL = "internal";

    private TopicLabel() {}

    static Optional<TopicRole> roleOf(String topic) {
        for (TopicRole role : TopicRole.values()) {
            String suffix = role.suffix();
            // a prefix always ends with a separator ('.' by convention) or is empty
            if (topic.equals(suffix) || topic.endsWith("." + suffix)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static String of(String topic) {
        return roleOf(topic).map(TopicRole::suffix).orElse(INTERNAL);
    }
}
