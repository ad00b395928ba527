package dev.foresight.cli.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cli.http.ReadOnlyHttpServer;
import dev.foresight.cli.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the dashboard: one static page ({@code /}, with its script and style sheet) that polls
 * {@code /api/state}, the {@link DashboardState} as JSON. Read-only, like every Foresight endpoint.
 */
public final class DashboardServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadOnlyHttpServer http;

    private DashboardServer(ReadOnlyHttpServer http) {
        this.http = http;
    }

    /** @param option the option that chose the port, named in the error when it is taken */
    public static DashboardServer start(DashboardState state, String host, int port, String option) {
        Response page = resource("index.html", "text/html; charset=utf-8");
        Response script = resource("app.js", "text/javascript; charset=utf-8");
        Response style = resource("style.css", "text/css; charset=utf-8");
        Map<String, Supplier<Response>> routes = Map.of(
                "/", () -> page,
                "/index.html", () -> page,
                "/app.js", () -> script,
                "/style.css", () -> style,
                "/api/state", () -> Response.bytes("application/json", json(state.snapshot())));
        return new DashboardServer(ReadOnlyHttpServer.start("dashboard", option, host, port, routes));
    }

    public URI uri() {
        return http.baseUri();
    }

    static byte[] json(DashboardSnapshot snapshot) {
        try {
            return JSON.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the dashboard state: " + e.getMessage(), e);
        }
    }

    private static Response resource(String name, String contentType) {
        try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource /dashboard/" + name + " is missing from the jar");
            }
            return Response.bytes(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource " + name, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
