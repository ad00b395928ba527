package dev.foresight.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cli.support.Scrape;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroTrust;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka clients built from instrumented properties report the pipeline's counts and their own client metrics
 * into the component's Prometheus endpoint, which serves them read-only.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineMetricsTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static {
        AvroTrust.ensure(); // builders resolve enum defaults through Avro's class loading
    }

    @Test
    void clientsReportPipelineCountsAndTheirOwnMetrics(TestKafka kafka) throws Exception {
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(kafka.uniquePrefix("metrics")).withPartitions(2));
        try (Admin admin = kafka.newAdmin()) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }
        try (ComponentMetrics metrics = ComponentMetrics.start("probe", "127.0.0.1", 0, "--metrics-port")) {
            Map<String, Object> props = metrics.instrument(kafka.clientProperties());
            Map<String, Object> producerProps = new HashMap<>(props);
            producerProps.put("client.id", "probe-producer");
            Map<String, Object> consumerProps = new HashMap<>(props);
            consumerProps.put("client.id", "probe-consumer");
            // the clients stay open while scraped: a closed client's metrics leave the registry with it
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
                 KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                         new ByteArrayDeserializer())) {
                send(producer, topics.name(TopicRole.COMMANDS), "vm-1", command("c1", CommandType.MIGRATE));
                send(producer, topics.name(TopicRole.COMMANDS), "node-2", command("c2", CommandType.QUARANTINE));
                send(producer, topics.name(TopicRole.COMMANDS), "vm-3", command("c3", CommandType.MIGRATE));
                send(producer, topics.name(TopicRole.PREDICTIONS), "node-1", prediction("node-1", 0.9, true, 2));
                send(producer, topics.name(TopicRole.PREDICTIONS), "node-2", prediction("node-2", 0.1, false, 2));
                send(producer, topics.name(TopicRole.MODELS), "model", model(3));
                send(producer, topics.name(TopicRole.TELEMETRY), "~tick",
                        new TickMarker("simulator", 7L, 0, 2, T0.plusSeconds(420)));
                producer.send(new ProducerRecord<>(topics.name(TopicRole.DEAD_LETTERS), "node-1",
                        "not avro".getBytes(StandardCharsets.UTF_8))).get();
                assertThat(consumeAll(consumer, topics.name(TopicRole.PREDICTIONS), 2)).hasSize(2);
                assertMeters(Scrape.of(metrics.endpoint().orElseThrow()));
            }
        }
        assertThat(Metrics.globalRegistry.getRegistries()).as("the registry leaves the global one when closed").isEmpty();
    }

    private static void assertMeters(Scrape scrape) {
        Map<String, String> out = Map.of("component", "probe", "direction", "out");
        Map<String, String> in = Map.of("component", "probe", "direction", "in");
        assertThat(scrape.sum("foresight_commands_total", with(out, "type", "MIGRATE"))).isEqualTo(2);
        assertThat(scrape.sum("foresight_commands_total", with(out, "type", "QUARANTINE"))).isEqualTo(1);
        assertThat(scrape.sum("foresight_predictions_total", out)).isEqualTo(2);
        assertThat(scrape.sum("foresight_alarms_total", out)).isEqualTo(1);
        assertThat(scrape.sum("foresight_predictions_total", in)).isEqualTo(2);
        assertThat(scrape.sum("foresight_alarms_total", in)).isEqualTo(1);
        assertThat(scrape.sum("foresight_dead_letters_total", out)).isEqualTo(1);
        assertThat(scrape.sum("foresight_records_total", with(out, "topic", "commands"))).isEqualTo(3);
        assertThat(scrape.sum("foresight_records_total", with(out, "topic", "telemetry"))).as("markers are not records").isZero();
        assertThat(scrape.sum("foresight_tick")).isEqualTo(7);
        assertThat(scrape.sum("foresight_model_version")).isEqualTo(3);
        // the Kafka clients' own metrics, bridged from metric.reporters, and the JVM's
        assertThat(scrape.sum("kafka_producer_record_send_total", Map.of("component", "probe", "client_id", "probe-producer")))
                .as("8 records, more if a batch was retried").isGreaterThanOrEqualTo(8);
        assertThat(scrape.sum("kafka_consumer_fetch_manager_records_consumed_total", Map.of("client_id", "probe-consumer"))).isEqualTo(2);
        assertThat(scrape.matching("kafka_consumer_fetch_manager_records_lag_max", Map.of("client_id", "probe-consumer")))
                .as("consumer lag").singleElement().satisfies(lag -> assertThat(lag.value()).isZero());
        assertThat(scrape.sum("jvm_memory_used_bytes")).isPositive();
    }

    @Test
    void theEndpointIsReadOnly() throws Exception {
        try (ComponentMetrics metrics = ComponentMetrics.start("probe", "127.0.0.1", 0, "--metrics-port")) {
            URI endpoint = metrics.endpoint().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(endpoint.resolve("/admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aPortInUseIsAnErrorThatNamesTheOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ComponentMetrics.start("probe", "127.0.0.1", port, "--metrics-port"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--metrics-port " + port + ": cannot listen on 127.0.0.1:" + port);
        }
        assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
    }

    @Test
    void withoutAPortNothingIsInstrumented() {
        try (ComponentMetrics metrics = ComponentMetrics.disabled()) {
            Map<String, Object> props = Map.of("bootstrap.servers", "x:1");
            assertThat(metrics.instrument(props)).isSameAs(props);
            assertThat(metrics.endpoint()).isEmpty();
        }
    }

    @Test
    void uninstrumentedPropertiesKeepTheUsersOwnHooks() {
        Map<String, Object> props = new HashMap<>(Map.of("interceptor.classes", "com.example.Audit"));
        Map<String, Object> instrumented = ClientInstrumentation.withClientMetrics(ClientInstrumentation.withPipelineMeters(props));
        assertThat(instrumented.get("interceptor.classes")).isEqualTo("com.example.Audit," + PipelineInterceptor.class.getName());
        assertThat(instrumented.get("metric.reporters")).isEqualTo(KafkaMetricsBridge.class.getName());
        assertThat(ComponentMetrics.uninstrumented(instrumented)).isEqualTo(props);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, SpecificRecord value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, AvroCodec.encode(value))).get();
    }

    private static List<byte[]> consumeAll(KafkaConsumer<String, byte[]> consumer, String topic, int expected) {
        List<byte[]> values = new ArrayList<>();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            return values.size() >= expected;
        });
        return values;
    }

    static Command command(String id, CommandType type) {
        return Command.newBuilder().setCommandId(id).setTimestamp(T0).setTick(3).setType(type).setSubject("s-" + id)
                .setReason("test").build();
    }

    static Prediction prediction(String node, double p, boolean alarm, int modelVersion) {
        return Prediction.newBuilder().setNodeId(node).setTimestamp(T0).setTick(3).setProbability(p).setAlarm(alarm)
                .setModelVersion(modelVersion).build();
    }

    static ModelRelease model(int version) {
        return ModelRelease.newBuilder().setVersion(version).setAlgorithm("random-forest").setFeatureNames(List.of("a"))
                .setThreshold(0.5).setHorizonMillis(3_600_000).setMetrics(Map.of()).setEffectiveTick(4)
                .setEffectiveTime(T0).setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
    }
}
