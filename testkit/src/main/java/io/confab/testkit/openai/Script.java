package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chooses the reply to a request: for a request with a {@code json_schema} response format the
 * first structured-output rule whose text occurs in its last user message; else the next queued
 * reply, else the first rule whose text occurs in the last user message (its replies indexed by
 * the turn's round), else the default.
 */
final class Script {

    private record Rule(String needle, List<FakeReply> rounds) {
    }

    private final Queue<FakeReply> queue = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Rule> structuredRules = new CopyOnWriteArrayList<>();
    private volatile FakeReply fallback;

    Script(FakeReply fallback) {
        this.fallback = fallback;
    }

    void enqueue(List<FakeReply> replies) {
        queue.addAll(replies);
    }

    void onUserMessage(String contains, List<FakeReply> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one reply");
        }
        rules.add(new Rule(contains.toLowerCase(Locale.ROOT), List.copyOf(rounds)));
    }

    void onStructuredOutput(String contains, FakeReply reply) {
        structuredRules.add(new Rule(contains.toLowerCase(Locale.ROOT), List.of(reply)));
    }

    void fallback(FakeReply reply) {
        this.fallback = reply;
    }

    void clear() {
        queue.clear();
        rules.clear();
        structuredRules.clear();
    }

    FakeReply choose(JsonNode request) {
        String userMessage = Completions.lastUserMessage(request).toLowerCase(Locale.ROOT);
        if ("json_schema".equals(request.path("response_format").path("type").asText())) {
            for (Rule rule : structuredRules) {
                if (userMessage.contains(rule.needle())) {
                    return rule.rounds().getFirst();
                }
            }
        }
        FakeReply queued = queue.poll();
        if (queued != null) {
            return queued;
        }
        for (Rule rule : rules) {
            if (userMessage.contains(rule.needle())) {
                int round = Completions.round(request);
                return rule.rounds().get(Math.min(round, rule.rounds().size() - 1));
            }
        }
        return fallback;
    }
}
