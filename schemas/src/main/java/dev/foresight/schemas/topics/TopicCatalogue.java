package dev.foresight.schemas.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;

/** The names and layouts of every topic for one {@link TopicSettings}. */
public final class TopicCatalogue {

    private final TopicSettings settings;
    private final Map<TopicRole, TopicSpec> specs;

    private TopicCatalogue(TopicSettings settings) {
        this.settings = settings;
        Map<TopicRole, TopicSpec> built = new EnumMap<>(TopicRole.class);
        for (TopicRole role : TopicRole.values()) {
            built.put(role, specFor(role, settings));
        }
        this.specs = Collections.unmodifiableMap(built);
    }

    public static TopicCatalogue of(TopicSettings settings) {
        return new TopicCatalogue(settings);
    }

    public static TopicCatalogue defaults() {
        return of(TopicSettings.defaults());
    }

    public TopicSettings settings() {
        return settings;
    }

    public TopicSpec spec(TopicRole role) {
        return specs.get(role);
    }

    public String name(TopicRole role) {
        return specs.get(role).name();
    }

    public List<TopicSpec> all() {
        return new ArrayList<>(specs.values());
    }

    public Optional<TopicSpec> byName(String name) {
        return specs.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static TopicSpec specFor(TopicRole role, TopicSettings settings) {
        Map<String, String> configs = new TreeMap<>();
        // Simulated history has timestamps far in the past; time-based retention would delete it within minutes.
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
        int partitions = settings.partitions();
        switch (role.shape()) {
            case HISTORY -> configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            case LATEST -> configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            case LATEST_SINGLE_PARTITION -> {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                partitions = 1;
            }
        }
        if (role == TopicRole.MODELS) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(settings.maxModelBytes()));
        }
        return new TopicSpec(role, settings.prefix() + role.suffix(), partitions, settings.replicationFactor(), configs);
    }
}
