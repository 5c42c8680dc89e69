package io.confab.bootstrap;

import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.port.ChatModel;
import java.util.function.Consumer;

/**
 * A stand-in offline model until adapter-llm's offline assistant is wired: echoes the user's last
 * message word by word and says how to connect a real model. No network, deterministic.
 */
final class EchoModel implements ChatModel {

    @Override
    public String name() {
        return "offline-echo";
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        String said = request.messages().stream()
                .filter(ModelMessage.User.class::isInstance)
                .map(message -> ((ModelMessage.User) message).content())
                .reduce((first, second) -> second)
                .orElse("");
        String reply = "You said: " + said + " (offline mode: set CONFAB_MODEL_PROVIDER=openai to connect a model)";
        String[] words = reply.split(" ");
        for (int i = 0; i < words.length && !cancellation.isCancelled(); i++) {
            sink.accept(new ModelEvent.TextDelta(i == 0 ? words[i] : " " + words[i]));
        }
        sink.accept(new ModelEvent.UsageReported(new TokenUsage(said.length() / 4 + 1, words.length)));
        sink.accept(new ModelEvent.Finished(FinishReason.STOP));
    }
}
