package org.commonweal.platform.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a fixed loopback port to another local port, which a test can cut (new connections refused, open
 * ones broken) and restore: a database server going away and coming back, as the platform sees it.
 */
public final class TcpRelay implements AutoCloseable {
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private int port;
    private ServerSocket server;

    private TcpRelay(int target) {
        this.target = target;
    }

    public static TcpRelay to(int targetPort) throws IOException {
        TcpRelay relay = new TcpRelay(targetPort);
        relay.start();
        return relay;
    }

    public int port() {
        return port;
    }

    /** Listens again, on the same port. */
    public synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        Thread.ofVirtual().start(() -> accept(s));
    }

    /** Refuses new connections and breaks every open one. */
    public synchronized void stop() throws IOException {
        server.close();
        for (Socket s : open) s.close();
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException broken) {
                // one side went away: closing both ends passes that on
            } finally {
                open.remove(from);
                open.remove(to);
            }
        });
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
