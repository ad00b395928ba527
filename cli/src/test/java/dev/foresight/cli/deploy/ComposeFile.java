package dev.foresight.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** docker-compose.yml as the tests see it: services, their images, profiles and command lines. */
record ComposeFile(Map<String, Service> services) {

    static final String FORESIGHT_IMAGE = "foresight:local";

    /** One service; {@code stack} is its profile ({@code secure}) or {@code default}. */
    record Service(String name, String image, String stack, String hostname, List<String> command, JsonNode node) {

        boolean runsForesight() {
            return FORESIGHT_IMAGE.equals(image);
        }

        boolean isKafkaBroker() {
            return image != null && image.startsWith("apache/kafka:") && !node.has("entrypoint");
        }
    }

    static ComposeFile read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        Map<String, Service> services = new TreeMap<>();
        root.path("services").properties().forEach(e -> {
            JsonNode s = e.getValue();
            List<String> command = new ArrayList<>();
            s.path("command").forEach(arg -> command.add(arg.asText()));
            String stack = s.has("profiles") ? s.path("profiles").get(0).asText() : "default";
            services.put(e.getKey(), new Service(e.getKey(), s.path("image").asText(null), stack,
                    s.path("hostname").asText(e.getKey()), command, s));
        });
        return new ComposeFile(services);
    }

    List<Service> stack(String stack) {
        return services.values().stream().filter(s -> s.stack().equals(stack)).toList();
    }

    List<String> stacks() {
        return services.values().stream().map(Service::stack).distinct().sorted().toList();
    }
}
