package dev.foresight.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadOnlyHttpServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private HttpResponse<String> send(URI uri, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBodyAndEveryAnswerCarriesTheSecurityHeaders() throws Exception {
        try (ReadOnlyHttpServer server = ReadOnlyHttpServer.start("probe", "--port", "127.0.0.1", 0,
                Map.of("/state", () -> Response.text("application/json", "{\"tick\":7}")))) {
            URI state = server.baseUri().resolve("/state");
            HttpResponse<String> get = send(state, "GET");
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("{\"tick\":7}");
            HttpResponse<String> head = send(state, "HEAD");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(head.headers().firstValue("Content-Length")).contains("10");
            for (HttpResponse<String> answer : List.of(get, head, send(server.baseUri().resolve("/nope"), "GET"),
                    send(state, "DELETE"))) {
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.toString()).contains("nosniff");
                assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
                assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
                assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
                assertThat(answer.headers().firstValue("Server")).as("no version given away").isEmpty();
            }
        }
    }

    @Test
    void aRouteThatFailsIsA500AndTheServerGoesOn() throws Exception {
        try (ReadOnlyHttpServer server = ReadOnlyHttpServer.start("probe", "--port", "127.0.0.1", 0,
                Map.of("/boom", () -> { throw new IllegalStateException("no state yet"); },
                        "/ok", () -> Response.text("text/plain", "ok")))) {
            HttpResponse<String> boom = send(server.baseUri().resolve("/boom"), "GET");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).contains("no state yet");
            assertThat(send(server.baseUri().resolve("/ok"), "GET").statusCode()).isEqualTo(200);
        }
    }
}
