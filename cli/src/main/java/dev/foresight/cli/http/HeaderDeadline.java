package dev.foresight.cli.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that spends longer than a deadline on one request's headers. The idle timeout
 * alone does not: a client that sends a header byte now and then is never idle, and can hold its
 * connection for as long as the header size limit lets it trickle (slowloris). Every period the
 * connection is looked at: bytes in, no request being answered and no request header completed since
 * the last look mean a header is under way; if it is still not complete at the next look, a whole
 * period later, the connection is closed. So a header gets at least one period, at most two, and a
 * request that merely straddles a look is never cut. Idle connections are left to the idle timeout,
 * requests being answered are left alone.
 */
final class HeaderDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final long periodMillis;

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.periodMillis = deadline.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).schedule();
    }

    /** One connection's checks; they end when the connection closes. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long requestsSeen;
        private long bytesSeen;
        private boolean headerUnderWay;

        Watch(Connection connection) {
            this.connection = connection;
            this.requestsSeen = connection.getMessagesIn();
            this.bytesSeen = connection.getBytesIn();
        }

        void schedule() {
            scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long requests = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            boolean answering = requests > connection.getMessagesOut();
            boolean noNewHeader = requests == requestsSeen && !answering;
            if (headerUnderWay && noNewHeader) {
                connection.getEndPoint().close(); // a header still incomplete a whole period after it was seen under way
                return;
            }
            headerUnderWay = noNewHeader && bytes > bytesSeen;
            requestsSeen = requests;
            bytesSeen = bytes;
            schedule();
        }
    }
}
