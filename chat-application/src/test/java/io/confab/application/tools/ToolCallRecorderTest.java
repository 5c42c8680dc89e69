package io.confab.application.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.memory.InMemoryToolCallAudit;
import io.confab.application.testing.LogCapture;
import io.confab.domain.Cancellation;
import io.confab.domain.ConversationId;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCall;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.json.JsonValues;
import io.confab.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The recorder around a catalogue: what it records for each source and ending, and that it never changes the call's answer. */
class ToolCallRecorderTest {

    private static final UserId ALICE = new UserId("alice");

    private final TestClock clock = new TestClock();
    private final InMemoryToolCallAudit audit = new InMemoryToolCallAudit(JsonValues::write);
    private final ToolCallRecorder recorder = new ToolCallRecorder(audit, clock, new TimeOrderedIdGenerator(clock));

    @Test
    void anMcpCall_isRecordedWithItsSource_noConversation_andTheToolsAnswerUnchanged() {
        ToolResult answer = new ToolResult.Success(JsonValue.object("count", JsonValue.of(2)), "Found 2 tasks");

        ToolResult result = invoke(recorder.recording(answering(answer), ToolCallSource.MCP_STDIO));

        assertThat(result).isSameAs(answer);
        AuditedToolCall call = onlyCall();
        assertThat(call.source()).isEqualTo(ToolCallSource.MCP_STDIO);
        assertThat(call.conversation()).isEmpty();
        assertThat(call.user()).isEqualTo(ALICE);
        assertThat(call.tool()).isEqualTo("list_tasks");
        assertThat(call.arguments()).isEqualTo(JsonValue.object("status", JsonValue.of("all")));
        assertThat(call.outcome()).isEqualTo(ToolCallStatus.OK);
        assertThat(call.result()).isEqualTo("{\"count\":2}");
        assertThat(call.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void eachCall_logsOneInfoLine_namingToolSourceOutcomeDurationAndUser_butNoArgumentValue() {
        try (LogCapture log = LogCapture.of(ToolCallRecorder.class)) {
            invoke(recorder.recording(answering(new ToolResult.Success(JsonValue.of("secret result"), "ok")),
                    ToolCallSource.MCP_HTTP));

            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(Level.INFO);
                assertThat(line.text()).contains("list_tasks", "source=mcp_http", "outcome=ok", "duration_ms=", "user=alice")
                        .doesNotContain("status").doesNotContain("secret");
            });
        }
    }

    @Test
    void aFailure_isRecordedAsAnErrorWithItsMessage_inTheTurnsConversation() {
        ConversationId conversation = new ConversationId(UUID.randomUUID());

        invoke(recorder.inTurn(answering(new ToolResult.Failure("No task 9")), conversation));

        AuditedToolCall call = onlyCall();
        assertThat(call.source()).isEqualTo(ToolCallSource.TURN);
        assertThat(call.conversation()).contains(conversation);
        assertThat(call.outcome()).isEqualTo(ToolCallStatus.ERROR);
        assertThat(call.result()).isEqualTo("{\"error\":\"No task 9\"}");
    }

    @Test
    void aToolThatThrows_isRecordedAsAnError_andTheExceptionReachesTheCaller() {
        ToolCatalog throwing = catalog(invocation -> {
            throw new IllegalStateException("bug");
        });

        assertThatThrownBy(() -> invoke(recorder.recording(throwing, ToolCallSource.MCP_HTTP)))
                .isInstanceOf(IllegalStateException.class).hasMessage("bug");

        assertThat(onlyCall().outcome()).isEqualTo(ToolCallStatus.ERROR);
        assertThat(onlyCall().result()).contains("failed unexpectedly");
    }

    private AuditedToolCall onlyCall() {
        List<AuditedToolCall> calls = audit.list(ALICE, Optional.empty(), 10).items();
        assertThat(calls).hasSize(1);
        return calls.getFirst();
    }

    private static ToolResult invoke(ToolCatalog catalog) {
        return catalog.invoke(new ToolInvocation(ALICE, "c1", "list_tasks", JsonValue.object("status", JsonValue.of("all"))),
                ToolProgress.IGNORE, new Cancellation());
    }

    private static ToolCatalog answering(ToolResult result) {
        return catalog(invocation -> result);
    }

    private static ToolCatalog catalog(Function<ToolInvocation, ToolResult> run) {
        return new ToolCatalog() {
            @Override
            public List<ToolDefinition> tools(UserId user) {
                return List.of();
            }

            @Override
            public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
                return run.apply(invocation);
            }
        };
    }
}
