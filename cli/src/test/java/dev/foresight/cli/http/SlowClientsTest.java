package dev.foresight.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cli.dashboard.DashboardServer;
import dev.foresight.cli.dashboard.DashboardState;
import dev.foresight.cli.metrics.ComponentMetrics;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Clients that open sockets and never finish a request used to take the dashboard and /metrics down
 * (the JDK server read headers on one of its two threads until they came). Every wait here is bounded:
 * an endpoint that stops answering fails the test by a client timeout, never by hanging it.
 */
class SlowClientsTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();

    private int get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(ANSWER_WITHIN).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theDashboardAndMetricsAnswerWhileSlowClientsHoldSockets() throws Exception {
        try (DashboardServer dashboard = DashboardServer.start(new DashboardState("demo"), "127.0.0.1", 0, "--dashboard-port");
             ComponentMetrics metrics = ComponentMetrics.start("probe", "127.0.0.1", 0, "--metrics-port");
             SlowClients slow = new SlowClients()) {
            URI state = dashboard.uri().resolve("/api/state");
            URI scrape = metrics.endpoint().orElseThrow();
            for (URI endpoint : List.of(state, scrape)) {
                for (int i = 0; i < 4; i++) {
                    slow.silent(endpoint);
                    slow.partial(endpoint);
                }
            }
            for (int round = 0; round < 5; round++) {
                assertThat(get(state)).as("/api/state with 8 slow sockets on it").isEqualTo(200);
                assertThat(get(scrape)).as("/metrics with 8 slow sockets on it").isEqualTo(200);
            }
            assertThat(slow.all()).as("the slow sockets were all still held while the endpoints answered")
                    .noneMatch(SlowClients::closedByServer);
        }
    }

    @Test
    void silentPartialAndTricklingSocketsAreClosedByTheServer() throws Exception {
        HttpLimits quick = new HttpLimits(Duration.ofSeconds(2), Duration.ofMillis(500), 8, 32, Duration.ofMillis(500));
        try (ReadOnlyHttpServer server = probe(quick);
             SlowClients slow = new SlowClients()) {
            URI endpoint = server.baseUri().resolve("/metrics");
            List<Socket> silent = List.of(slow.silent(endpoint), slow.silent(endpoint), slow.silent(endpoint));
            List<Socket> partial = List.of(slow.partial(endpoint), slow.partial(endpoint), slow.partial(endpoint));
            // a byte every 50 ms is never idle for the 2 s idle timeout: only the header deadline can close these
            List<Socket> trickling = List.of(slow.trickling(endpoint, 50), slow.trickling(endpoint, 50));
            assertThat(get(endpoint)).isEqualTo(200);

            Awaitility.await("trickled headers closed by their deadline").atMost(Duration.ofSeconds(10))
                    .until(() -> trickling.stream().allMatch(SlowClients::closedByServer));
            Awaitility.await("silent and partial requests closed").atMost(Duration.ofSeconds(10))
                    .until(() -> silent.stream().allMatch(SlowClients::closedByServer)
                            && partial.stream().allMatch(SlowClients::closedByServer));
            assertThat(get(endpoint)).as("and the server still answers").isEqualTo(200);
        }
    }

    @Test
    void moreSlowClientsThanTheConnectionLimitNeitherExceedItNorLockOutARealClient() throws Exception {
        HttpLimits limited = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 8, 4, Duration.ofMillis(200));
        try (ReadOnlyHttpServer server = probe(limited);
             SlowClients slow = new SlowClients()) {
            URI endpoint = server.baseUri().resolve("/metrics");
            for (int i = 0; i < 12; i++) {
                slow.silent(endpoint);
            }
            Awaitility.await("the server holds no more than 4 connections").atMost(Duration.ofSeconds(5))
                    .during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> server.openConnections() <= 4);
            // idle sockets are closed sooner while the limit is reached, so a real request gets a slot; it queues
            // behind the silent ones still in the accept queue, four per 200 ms (measured: ~1.6 s for the whole test)
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
    }

    /** A server with one tiny /metrics route, under the given limits. */
    private static ReadOnlyHttpServer probe(HttpLimits limits) throws Exception {
        return ReadOnlyHttpServer.start("probe", "--port", "127.0.0.1", 0,
                Map.of("/metrics", () -> Response.text("text/plain", "up 1\n")), limits);
    }
}
