package io.confab.domain.audit;

import java.util.Locale;

/** Where a tool call came from: a chat turn, Confab's MCP server over HTTP ({@code /mcp}) or over stdio. */
public enum ToolCallSource {
    TURN, MCP_HTTP, MCP_STDIO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToolCallSource fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
