package io.confab.mcp;

import java.nio.file.Path;

/** The MCP servers file is missing or wrong; its one-line message names the file and the problem. */
public final class McpConfigException extends RuntimeException {

    McpConfigException(Path file, String problem) {
        super("MCP servers file " + file + ": " + problem);
    }

    McpConfigException(Path file, String problem, Throwable cause) {
        super("MCP servers file " + file + ": " + problem, cause);
    }
}
