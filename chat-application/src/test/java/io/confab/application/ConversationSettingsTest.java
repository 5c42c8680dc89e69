package io.confab.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.UpdateConversationUseCase.ConversationChanges;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ValidationException;
import io.confab.domain.model.ModelRequest;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A conversation's own system prompt, model and retention (SPEC §16). */
class ConversationSettingsTest extends OneConversationTest {

    private Conversation change(Optional<String> prompt, Optional<String> model, Optional<Integer> days) {
        return harness.confab.updateConversation().update(alice, conversation.id(),
                new ConversationChanges(Optional.empty(), Optional.empty(), Optional.empty(), prompt, model, days))
                .orElseThrow();
    }

    @Test
    void aConversationsOwnPromptAndAllowedModel_areWhatTheModelIsAskedWith_andTheReplyNamesTheModel() {
        try (ConfabHarness allowing = new ConfabHarness(ConfabSettings.defaults().withModels(Set.of("model-b")))) {
            Conversation chat = allowing.newConversation(alice);
            ConversationSettings own = new ConversationSettings(Optional.of("Answer like a pirate."),
                    Optional.of("model-b"), Optional.of(30));
            allowing.confab.updateConversation().update(alice, chat.id(), new ConversationChanges(Optional.empty(),
                    Optional.empty(), Optional.empty(), own.systemPrompt(), own.model(), own.retentionDays()));

            TurnOutcome outcome = allowing.send(alice, chat.id(), "hello");

            ModelRequest asked = allowing.model.requests().getLast();
            assertThat(asked.systemPrompt()).isEqualTo("Answer like a pirate.");
            assertThat(asked.model()).contains("model-b");
            assertThat(((TurnOutcome.Finished) outcome).assistantMessage().model()).contains("model-b");
            assertThat(allowing.confab.getConversation().get(alice, chat.id()).orElseThrow().settings()).isEqualTo(own);
        }
    }

    @Test
    void theConfiguredModel_isAlwaysAllowed() {
        assertThat(change(Optional.empty(), Optional.of(harness.model.name()), Optional.empty()).settings().model())
                .contains(harness.model.name());
    }

    @Test
    void settingsLeftOut_stay_andBlankOrZero_goBackToTheServers() {
        change(Optional.of("Be terse."), Optional.empty(), Optional.of(7));

        assertThat(change(Optional.empty(), Optional.empty(), Optional.empty()).settings().systemPrompt())
                .contains("Be terse.");
        Conversation cleared = change(Optional.of(""), Optional.empty(), Optional.of(0));

        assertThat(cleared.settings()).isEqualTo(ConversationSettings.DEFAULTS);
        harness.send(alice, conversation.id(), "hello");
        assertThat(harness.model.requests().getLast().systemPrompt()).isEqualTo(ConfabSettings.DEFAULT_SYSTEM_PROMPT);
        assertThat(harness.model.requests().getLast().model()).isEmpty();
    }

    @Test
    void aModelOutsideTheAllowList_orASettingOutOfRange_isRefused() {
        assertThatThrownBy(() -> change(Optional.empty(), Optional.of("gpt-unlisted"), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> change(Optional.empty(), Optional.empty(), Optional.of(-3)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("retention_days");
        assertThatThrownBy(() -> change(Optional.of("x".repeat(ConversationSettings.MAX_SYSTEM_PROMPT_LENGTH + 1)),
                Optional.empty(), Optional.empty())).isInstanceOf(ValidationException.class);
        assertThat(harness.confab.getConversation().get(alice, conversation.id()).orElseThrow().settings())
                .isEqualTo(ConversationSettings.DEFAULTS);
    }
}
