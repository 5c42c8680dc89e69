package io.confab.mcp;

import io.confab.domain.port.ToolCatalog;

/** The catalogue Confab's MCP server publishes in tests. */
final class TestCatalogs {

    private TestCatalogs() {
    }

    static ToolCatalog served() {
        return new NotesCatalog();
    }
}
