package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.SearchUseCase.Search;
import io.confab.domain.Conversation;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Search through the facade: what a turn stored is found, by its owner only; bad input is a validation error. */
class SearchUseCaseTest {

    private final ConfabHarness harness = new ConfabHarness();
    private final Confab confab = harness.confab;
    private final UserId alice = newUser();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void findsBothSidesOfATurn_forTheOwnerOnly() {
        Conversation conversation = harness.newConversation(alice);
        harness.send(alice, conversation.id(), "remind me about the dentist");

        List<SearchHit> hits = confab.search().search(new Search(alice, "  Dentist ", 20));

        assertThat(hits).extracting(SearchHit::role).contains("user", "assistant"); // and the title, if the turn named it so
        assertThat(hits).allSatisfy(hit -> assertThat(hit.conversationId()).isEqualTo(conversation.id()));
        assertThat(confab.search().search(new Search(newUser(), "dentist", 20))).isEmpty();
    }

    @Test
    void rejectsAnEmptyOrOverLongQuery_andALimitOutOfRange() {
        assertThatThrownBy(() -> new Search(alice, "   ", 20)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("q");
        assertThatThrownBy(() -> new Search(alice, "x".repeat(201), 20)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Search(alice, "a\u0000b", 20)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Search(alice, "x", 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new Search(alice, "x", 51)).isInstanceOf(ValidationException.class);
        assertThat(new Search(alice, "x".repeat(200), 50).limit()).isEqualTo(50);
    }
}
