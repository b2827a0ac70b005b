package io.tierline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port numbers for servers that cannot bind port 0 themselves. */
final class FreePort {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePort() {
    }

    /** The port as asked, or a currently free loopback port when 0. */
    static int orFree(int port) {
        return port != 0 ? port : pick();
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
