package io.confab.mcp;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** A server with {@code "scope": "shared"}: one connection, and so one tool state, for every user. */
record SharedServer(ServerConnection connection, ExecutorService workers) implements ExternalServer {

    @Override
    public void start() {
        workers.execute(connection::connect);
    }

    @Override
    public ServerHealth health() {
        return connection.health();
    }

    @Override
    public Map<String, RemoteTool> tools() {
        return connection.tools();
    }

    @Override
    public ToolResult call(UserId user, RemoteTool tool, JsonValue arguments, ToolProgress progress,
                           Cancellation cancellation) {
        return connection.call(tool, arguments, progress, cancellation);
    }

    @Override
    public void close() {
        connection.close();
    }
}
