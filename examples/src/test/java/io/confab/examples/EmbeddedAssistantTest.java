package io.confab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.Stores;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.persistence.JooqStores;
import io.confab.persistence.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example runs as a host would run it: in memory, and on an H2 file that outlives it. */
class EmbeddedAssistantTest {

    private final UserId user = new UserId("user-" + UUID.randomUUID());

    @Test
    void inMemory_theOfflineAssistantAddsAndListsATask() {
        List<String> replies = EmbeddedAssistant.chat(Optional.empty(), user,
                List.of("add a task to buy milk", "what's on my list?"));

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0)).containsIgnoringCase("buy milk");
        assertThat(replies.get(1)).containsIgnoringCase("buy milk");
    }

    @Test
    void onAnH2File_theTaskOutlivesTheProgram(@TempDir Path dir) {
        EmbeddedAssistant.chat(Optional.of(dir), user, List.of("add a task to buy milk"));

        try (Stores stores = JooqStores.open(StoreSettings.h2File(dir.resolve("confab")))) {
            assertThat(stores.tasks().list(user, TaskFilter.ALL)).extracting(task -> task.title()).containsExactly("buy milk");
        }
        assertThat(EmbeddedAssistant.chat(Optional.of(dir), user, List.of("what's on my list?")).getFirst())
                .containsIgnoringCase("buy milk");
    }
}
