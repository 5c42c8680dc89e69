package io.confab.application.tools;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins several catalogues (the built-in tools, then MCP servers' tools under their prefixes) into
 * one. On a name clash the earlier catalogue wins; a call goes to the catalogue that lists the tool.
 */
public final class CompositeToolCatalog implements ToolCatalog {

    private final List<ToolCatalog> catalogs;

    public CompositeToolCatalog(List<ToolCatalog> catalogs) {
        this.catalogs = List.copyOf(catalogs);
    }

    @Override
    public List<ToolDefinition> tools(UserId user) {
        List<ToolDefinition> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ToolCatalog catalog : catalogs) {
            catalog.tools(user).stream().filter(tool -> names.add(tool.name())).forEach(all::add);
        }
        return all;
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        for (ToolCatalog catalog : catalogs) {
            if (catalog.tools(invocation.user()).stream().anyMatch(tool -> tool.name().equals(invocation.tool()))) {
                return catalog.invoke(invocation, progress, cancellation);
            }
        }
        return new ToolResult.Failure("Unknown tool \"" + invocation.tool() + "\"");
    }
}
