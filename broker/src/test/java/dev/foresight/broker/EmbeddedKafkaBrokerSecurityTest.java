package dev.foresight.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker secured as the compose file's {@code secure} profile secures its cluster: clients
 * authenticate with SASL/SCRAM-SHA-512 (users created when storage is formatted), the controller listener
 * with SASL/PLAIN, and the StandardAuthorizer denies whatever no ACL allows, with {@code admin} as the
 * only super user. Each component has its own principal and may write only its own topics: the telemetry
 * principal telemetry, the actuator commands.
 */
class EmbeddedKafkaBrokerSecurityTest {

    private static final String TELEMETRY_TOPIC = "foresight.telemetry";
    private static final String COMMANDS_TOPIC = "foresight.commands";
    private static final String ADMIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\";";

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecureBroker() throws Exception {
        Map<String, String> listeners = new HashMap<>();
        listeners.put("listeners", "CLIENT://${HOST}:${BROKER_PORT},CONTROLLER://${HOST}:${CONTROLLER_PORT}");
        listeners.put("advertised.listeners", "CLIENT://${HOST}:${BROKER_PORT}");
        listeners.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        listeners.put("inter.broker.listener.name", "CLIENT");
        listeners.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        listeners.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        listeners.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"admin-secret\";");
        listeners.put("sasl.mechanism.controller.protocol", "PLAIN");
        listeners.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        listeners.put("listener.name.controller.plain.sasl.jaas.config", ADMIN_JAAS);
        listeners.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        listeners.put("super.users", "User:admin");
        listeners.put("allow.everyone.if.no.acl.found", "false");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults().withSecurity(listeners, scram("admin", "admin-secret"),
                List.of("SCRAM-SHA-512=[name=admin,password=admin-secret]",
                        "SCRAM-SHA-512=[name=telemetry,password=telemetry-secret]",
                        "SCRAM-SHA-512=[name=actuator,password=actuator-secret]")));
        try (Admin admin = Admin.create(broker.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(TELEMETRY_TOPIC, 2, (short) 1), new NewTopic(COMMANDS_TOPIC, 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = List.of(
                    allow("telemetry", TELEMETRY_TOPIC, AclOperation.WRITE),
                    allow("telemetry", TELEMETRY_TOPIC, AclOperation.DESCRIBE),
                    allow("actuator", COMMANDS_TOPIC, AclOperation.WRITE),
                    allow("actuator", COMMANDS_TOPIC, AclOperation.DESCRIBE));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // createAcls returns once the controller committed them; the broker's authorizer applies them from the
            // metadata log a moment later (a test that wrote at once was once refused). DescribeAcls is answered
            // by the broker's own authorizer, so once it lists them all, the broker enforces them.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                            .containsAll(acls));
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theTelemetryPrincipalWritesTelemetry() throws Exception {
        RecordMetadata written = send("telemetry", "telemetry-secret", TELEMETRY_TOPIC);
        assertThat(written.topic()).isEqualTo(TELEMETRY_TOPIC);
        assertThat(written.offset()).isNotNegative();
    }

    @Test
    void theTelemetryPrincipalCannotWriteCommands() {
        assertThatThrownBy(() -> send("telemetry", "telemetry-secret", COMMANDS_TOPIC))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining(COMMANDS_TOPIC);
    }

    @Test
    void onlyTheActuatorPrincipalWritesCommands() throws Exception {
        assertThat(send("actuator", "actuator-secret", COMMANDS_TOPIC).topic()).isEqualTo(COMMANDS_TOPIC);
        assertThatThrownBy(() -> send("actuator", "actuator-secret", TELEMETRY_TOPIC))
                .cause().isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefusedAtLogin() {
        assertThatThrownBy(() -> send("actuator", "guess", COMMANDS_TOPIC))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    private static RecordMetadata send(String user, String password, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(scram(user, password));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "node-1", "payload")).get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> scram(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    private static AclBinding allow(String user, String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
