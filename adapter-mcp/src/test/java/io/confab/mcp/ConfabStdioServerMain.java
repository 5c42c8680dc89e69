package io.confab.mcp;

import io.confab.domain.UserId;

/** Serves the test catalogue over stdio for the user given as the only argument. */
public final class ConfabStdioServerMain {

    private ConfabStdioServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        McpStdio.run(TestCatalogs.served(), new UserId(args[0]));
    }
}
