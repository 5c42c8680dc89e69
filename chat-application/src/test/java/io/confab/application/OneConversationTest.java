package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;

import io.confab.application.testing.ConfabHarness;
import io.confab.domain.Conversation;
import io.confab.domain.UserId;
import org.junit.jupiter.api.AfterEach;

/** The setup the turn tests share: Confab in memory with a scripted model, a user, and one conversation of theirs. */
abstract class OneConversationTest {

    final ConfabHarness harness = new ConfabHarness();
    final UserId alice = newUser();
    final Conversation conversation = harness.newConversation(alice);

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
