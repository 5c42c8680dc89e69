package io.confab.examples;

import io.confab.application.Confab;
import io.confab.application.ConfabBuilder;
import io.confab.application.Stores;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.llm.ChatModels;
import io.confab.persistence.JooqStores;
import io.confab.persistence.StoreSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confab embedded in a plain Java program (SPEC §19): no server, no framework. Without arguments
 * everything is in memory; with a directory the conversations and tasks live in an H2 file there
 * and survive a restart. The offline assistant answers, through the same tool path a real model uses.
 *
 * <pre>java -cp … io.confab.examples.EmbeddedAssistant [--data-dir DIR] ["add a task to buy milk" …]</pre>
 */
public final class EmbeddedAssistant {

    private static final String DATA_DIR = "--data-dir";

    private EmbeddedAssistant() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean onDisk = arguments.size() >= 2 && arguments.getFirst().equals(DATA_DIR);
        Optional<Path> dataDir = onDisk ? Optional.of(Path.of(arguments.get(1))) : Optional.empty();
        List<String> messages = arguments.subList(onDisk ? 2 : 0, arguments.size());
        chat(dataDir, new UserId("example-user"), messages.isEmpty()
                ? List.of("add a task to buy milk", "what's on my list?") : messages)
                .forEach(System.out::println);
    }

    /** Sends each message in turn to one conversation and answers the assistant's replies. */
    static List<String> chat(Optional<Path> dataDir, UserId user, List<String> messages) {
        Optional<Stores> stores = dataDir.map(dir -> JooqStores.open(StoreSettings.h2File(dir.resolve("confab"))));
        ConfabBuilder builder = Confab.builder().model(ChatModels.offline());
        stores.ifPresent(builder::stores);
        try (Confab confab = builder.build()) {
            ConversationId conversation = confab.createConversation().create(user, "Embedded").id();
            List<String> replies = new ArrayList<>();
            for (String message : messages) {
                TurnOutcome outcome = confab.sendMessage().send(new SendMessage(user, conversation, message, Optional.empty()));
                replies.add(outcome instanceof TurnOutcome.Finished finished
                        ? finished.assistantMessage().content() : "(" + outcome + ")");
            }
            return replies;
        } finally {
            stores.ifPresent(Stores::close);
        }
    }
}
