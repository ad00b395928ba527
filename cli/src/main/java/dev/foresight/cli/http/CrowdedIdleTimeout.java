package dev.foresight.cli.http;

import java.time.Duration;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractConnector;

/**
 * Gives a connection opened while the connection limit holds the short idle timeout of a crowded
 * server. Jetty's {@code NetworkConnectionLimit} shortens the idle timeout of the endpoints open when the
 * limit is reached, but the limit is reached while a burst of sockets is still being accepted, and those
 * open just after with the connector's long timeout: a burst of silent sockets then held every slot for
 * the whole idle timeout (30 s), and a real client waited behind them. When the limit clears, Jetty puts
 * every open endpoint back to the connector's timeout, these included.
 */
final class CrowdedIdleTimeout implements Connection.Listener {

    private final AbstractConnector connector;
    private final long idleTimeoutMillis;

    CrowdedIdleTimeout(AbstractConnector connector, Duration idleTimeout) {
        this.connector = connector;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (!connector.isAccepting()) { // the limit holds: Jetty stops accepting exactly while it does
            connection.getEndPoint().setIdleTimeout(idleTimeoutMillis);
        }
    }
}
