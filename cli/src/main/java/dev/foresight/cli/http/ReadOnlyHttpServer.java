package dev.foresight.cli.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server that only answers GET (and HEAD) on a fixed set of paths: the metrics endpoint and
 * the dashboard. Nothing it serves changes anything, so any other method is refused (405). It binds the
 * interface it is given, loopback by default in every command; a port that cannot be bound fails with the
 * name of the option that chose it.
 */
public final class ReadOnlyHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Supplier<Response>> routes;

    private ReadOnlyHttpServer(HttpServer server, ExecutorService executor, Map<String, Supplier<Response>> routes) {
        this.server = server;
        this.executor = executor;
        this.routes = Map.copyOf(routes);
    }

    /**
     * @param option the command-line option that chose the port, named in the error when it cannot be bound
     * @param port   0 for any free port
     * @param routes exact paths and what they answer
     */
    public static ReadOnlyHttpServer start(String name, String option, String host, int port, Map<String, Supplier<Response>> routes) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + port + ": cannot listen on " + host + ":" + port + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); choose another port, or 0 for any free one", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "foresight-" + name + "-http");
            t.setDaemon(true);
            return t;
        });
        ReadOnlyHttpServer http = new ReadOnlyHttpServer(server, executor, routes);
        server.createContext("/", http::handle);
        server.setExecutor(executor);
        server.start();
        return http;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The server's base address; a wildcard bind is shown as loopback, where a local browser reaches it. */
    public URI baseUri() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            // the dashboard loads only its own script and style; nothing may frame or embed it
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (!"GET".equals(method) && !head) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, new Response(405, "text/plain; charset=utf-8", bytes("read-only: GET and HEAD only\n")), false);
                return;
            }
            Supplier<Response> route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                send(exchange, new Response(404, "text/plain; charset=utf-8", bytes("not found\n")), head);
                return;
            }
            Response response;
            try {
                response = route.get();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", exchange.getRequestURI(), e.toString(), e);
                response = new Response(500, "text/plain; charset=utf-8", bytes("internal error: " + e.getMessage() + "\n"));
            }
            send(exchange, response, head);
        } catch (UncheckedIOException e) {
            LOG.debug("client went away: {}", e.toString());
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        if (head) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
