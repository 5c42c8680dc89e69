package io.confab.mcp;

import io.confab.application.memory.InMemoryTaskRepository;
import io.confab.application.tools.CompositeToolCatalog;
import io.confab.application.tools.TaskTools;
import io.confab.domain.port.ToolCatalog;
import java.time.Clock;
import java.util.List;

/** What Confab's MCP server publishes in tests: the real built-in task tools, plus {@code count}. */
final class TestCatalogs {

    private TestCatalogs() {
    }

    static ToolCatalog served() {
        return new CompositeToolCatalog(List.of(
                new TaskTools(new InMemoryTaskRepository(), Clock.systemUTC()), new CountingCatalog()));
    }
}
