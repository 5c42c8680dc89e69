package io.confab.application;

import io.confab.domain.port.ChatModel;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RateLimiter;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLeases;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Every outgoing port Confab needs; the host chooses the adapters (see {@link Confab#create}).
 * Without {@code toolCalls} (the audit store) tool calls are logged but not recorded.
 */
public record ConfabPorts(
        ConversationRepository conversations,
        MessageRepository messages,
        TaskRepository tasks,
        ChatModel model,
        ToolCatalog tools,
        EventBus eventBus,
        EventLog eventLog,
        TurnLeases leases,
        RateLimiter rateLimiter,
        Clock clock,
        IdGenerator ids,
        Optional<ToolCallAudit> toolCalls) {

    public ConfabPorts {
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(eventBus, "eventBus");
        Objects.requireNonNull(eventLog, "eventLog");
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(toolCalls, "toolCalls");
    }

    /** A turn's opening and closing writes, each with its lease: the message store's own over these leases. */
    public TurnJournal turnJournal() {
        return messages.journal(leases);
    }
}
