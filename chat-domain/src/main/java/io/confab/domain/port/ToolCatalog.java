package io.confab.domain.port;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.List;

/** The tools the agent may call for a user: built-in ones and those of MCP servers. */
public interface ToolCatalog {

    List<ToolDefinition> tools(UserId user);

    /**
     * Runs one call for {@code invocation.user()}. Never throws for a bad call, an unknown tool or a
     * failing tool: those are {@link ToolResult.Failure}s.
     */
    ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation);
}
