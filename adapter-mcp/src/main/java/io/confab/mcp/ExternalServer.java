package io.confab.mcp;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.Map;

/** One configured server as the catalogue sees it: its tools, its health, and a call for a user. */
sealed interface ExternalServer extends AutoCloseable permits SharedServer, PerUserServer {

    /** Connects in the background; a failure is retried with backoff. */
    void start();

    ServerHealth health();

    /** The server's tools by exposed name; the last known ones while it is down. */
    Map<String, RemoteTool> tools();

    ToolResult call(UserId user, RemoteTool tool, JsonValue arguments, ToolProgress progress, Cancellation cancellation);

    @Override
    void close();
}
