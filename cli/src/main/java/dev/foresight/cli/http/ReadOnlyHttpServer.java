package dev.foresight.cli.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server that only answers GET (and HEAD) on a fixed set of paths: the metrics endpoint and
 * the dashboard. Nothing it serves changes anything, so any other method is refused (405). It binds the
 * interface it is given, loopback by default in every command; a port that cannot be bound fails with the
 * name of the option that chose it.
 *
 * <p>Slow and many clients cannot take it down ({@link HttpLimits}): requests are read without blocking
 * a thread, a silent connection is closed after the idle timeout and a trickled header after its
 * deadline, workers come from a bounded pool, and connections beyond a limit wait in the accept queue
 * while idle ones are closed sooner to make room.
 */
public final class ReadOnlyHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyHttpServer.class);

    // the dashboard loads only its own script and style; nothing may frame or embed it
    private static final HttpFields SECURITY_HEADERS = HttpFields.build()
            .put(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"))
            .put(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"))
            .put(new PreEncodedHttpField("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"))
            .put(new PreEncodedHttpField("Referrer-Policy", "no-referrer"))
            .asImmutable();

    private final Server server;
    private final ServerConnector connector;

    private ReadOnlyHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** With {@link HttpLimits#DEFAULT}. */
    public static ReadOnlyHttpServer start(String name, String option, String host, int port, Map<String, Supplier<Response>> routes) {
        return start(name, option, host, port, routes, HttpLimits.DEFAULT);
    }

    /**
     * @param option the command-line option that chose the port, named in the error when it cannot be bound
     * @param port   0 for any free port
     * @param routes exact paths and what they answer
     */
    public static ReadOnlyHttpServer start(String name, String option, String host, int port, Map<String, Supplier<Response>> routes,
            HttpLimits limits) {
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), 2);
        pool.setName("foresight-" + name + "-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0); // a handful of short answers: threads kept in reserve would only shrink the pool
        Server server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(limits.maxConnections(), connector);
        connectionLimit.setEndPointIdleTimeout(limits.idleTimeoutAtLimit().toMillis());
        server.addBean(connectionLimit);
        connector.addBean(new CrowdedIdleTimeout(connector, limits.idleTimeoutAtLimit()));
        connector.addBean(new HeaderDeadline(connector.getScheduler(), limits.headerDeadline()));
        server.setHandler(new Routes(Map.copyOf(routes)));
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalArgumentException(option + " " + port + ": cannot listen on " + host + ":" + port + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); choose another port, or 0 for any free one", e);
        }
        return new ReadOnlyHttpServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Connections accepted and still open: what the connection limit bounds. */
    public int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    /** The server's base address; a wildcard bind is shown as loopback, where a local browser reaches it. */
    public URI baseUri() {
        String host = connector.getHost();
        boolean wildcard = host == null || host.isEmpty() || isAnyLocal(host);
        String shown = wildcard ? "127.0.0.1" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/");
    }

    private static boolean isAnyLocal(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Answers the routes; runs on a pool thread, so a route may compute its answer (a scrape, a snapshot). */
    private static final class Routes extends Handler.Abstract {
        private final Map<String, Supplier<Response>> routes;

        Routes(Map<String, Supplier<Response>> routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
            String method = request.getMethod();
            boolean head = "HEAD".equals(method);
            for (HttpField field : SECURITY_HEADERS) {
                response.getHeaders().put(field);
            }
            if (!"GET".equals(method) && !head) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                send(response, callback, new Response(405, "text/plain; charset=utf-8", bytes("read-only: GET and HEAD only\n")), false);
                return true;
            }
            Supplier<Response> route = routes.get(Request.getPathInContext(request));
            if (route == null) {
                send(response, callback, new Response(404, "text/plain; charset=utf-8", bytes("not found\n")), head);
                return true;
            }
            Response answer;
            try {
                answer = route.get();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", request.getHttpURI(), e.toString(), e);
                answer = new Response(500, "text/plain; charset=utf-8", bytes("internal error: " + e.getMessage() + "\n"));
            }
            send(response, callback, answer, head);
            return true;
        }

        private static void send(org.eclipse.jetty.server.Response response, Callback callback, Response answer, boolean head) {
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            if (head) {
                callback.succeeded();
                return;
            }
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a server that did not start: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.toString());
        }
    }
}
