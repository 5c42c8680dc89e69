package io.confab.mcp;

import io.confab.domain.UserId;
import io.confab.domain.port.ToolCatalog;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Confab's tools as an MCP server on stdin/stdout, for {@code java -jar confab.jar mcp --user <id>}.
 * Every call runs as that one user. Stdout carries only the protocol: while serving,
 * {@code System.out} is pointed at stderr so no stray print can corrupt it.
 */
public final class McpStdio {

    private McpStdio() {
    }

    /** Serves until the client closes stdin, then returns. */
    public static void run(ToolCatalog catalog, UserId user) throws InterruptedException {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        CountDownLatch ended = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(
                McpJson.MAPPER, new EndSignallingInput(System.in, ended), protocol);
        McpSyncServer server = ServerSpecs.configure(McpServer.sync(transport))
                .tools(CatalogTools.specifications(catalog, catalog.tools(user), exchange -> Optional.of(user),
                        exchange -> Optional.empty()))
                .build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
            System.setOut(protocol);
        }
    }

    /** Counts the latch down when the client closes its end (end of input or a read error). */
    private static final class EndSignallingInput extends FilterInputStream {

        private final CountDownLatch ended;

        EndSignallingInput(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                return signalEnd(super.read());
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return signalEnd(super.read(buffer, offset, length));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int signalEnd(int result) {
            if (result < 0) {
                ended.countDown();
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }
    }
}
