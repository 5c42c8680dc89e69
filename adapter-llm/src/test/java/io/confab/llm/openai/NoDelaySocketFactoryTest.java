package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way of making a socket gives one with Nagle's algorithm off, connected where asked. */
class NoDelaySocketFactoryTest {

    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void everySocket_hasTcpNoDelay_andReachesItsServer() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            int port = server.getLocalPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                Socket unconnected = factory.createSocket();
                unconnected.connect(new InetSocketAddress(loopback, port));
                sockets.add(unconnected);
                sockets.add(factory.createSocket(loopback.getHostAddress(), port));
                sockets.add(factory.createSocket(loopback.getHostAddress(), port, loopback, 0));
                sockets.add(factory.createSocket(loopback, port));
                sockets.add(factory.createSocket(loopback, port, loopback, 0));

                assertThat(sockets).allSatisfy(socket -> {
                    assertThat(socket.getTcpNoDelay()).isTrue();
                    assertThat(socket.getPort()).isEqualTo(port);
                });
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
