package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chooses the reply to a request: the next queued reply first, else the first rule whose text
 * occurs in the last user message (its replies indexed by the turn's round), else the default.
 */
final class Script {

    private record Rule(String needle, List<FakeReply> rounds) {
    }

    private final Queue<FakeReply> queue = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
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

    void fallback(FakeReply reply) {
        this.fallback = reply;
    }

    void clear() {
        queue.clear();
        rules.clear();
    }

    FakeReply choose(JsonNode request) {
        FakeReply queued = queue.poll();
        if (queued != null) {
            return queued;
        }
        String userMessage = Completions.lastUserMessage(request).toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (userMessage.contains(rule.needle())) {
                int round = Completions.round(request);
                return rule.rounds().get(Math.min(round, rule.rounds().size() - 1));
            }
        }
        return fallback;
    }
}
