package dev.foresight.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sockets that hold a server's connections without ever finishing a request. */
final class SlowClients implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-client-trickle");
        t.setDaemon(true);
        return t;
    });

    /** Connected, sending nothing. */
    Socket silent(URI server) throws IOException {
        return connect(server);
    }

    /** The request line and one header, then nothing: the blank line that ends the headers never comes. */
    Socket partial(URI server) throws IOException {
        Socket socket = connect(server);
        socket.getOutputStream().write(("GET " + server.getPath() + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Headers one byte every {@code periodMillis}, never idle and never complete (slowloris). */
    Socket trickling(URI server, long periodMillis) throws IOException {
        Socket socket = partial(server);
        trickle.scheduleAtFixedRate(() -> {
            try {
                socket.getOutputStream().write('a');
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // the server closed it: what the test waits for
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return socket;
    }

    private Socket connect(URI server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 2_000);
        socket.setSoTimeout(50); // closed() polls without blocking long
        sockets.add(socket);
        return socket;
    }

    /**
     * Whether the server has closed this socket: end of stream or a reset. Whatever the server said before
     * closing (a 408, say) is read and skipped.
     */
    static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[512];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    List<Socket> all() {
        return List.copyOf(sockets);
    }

    @Override
    public void close() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
