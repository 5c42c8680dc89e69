package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.contentOf;
import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Stopping a reply from the page, against a server whose model writes a few words and then hangs. */
class BrowserStopTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withModel(new ScriptedChatModel()
            .then(Reply.text("word1", " word2", " word3").thenHangUntilCancelled(new CountDownLatch(1))));

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    @Test
    void stoppingALongReply_keepsWhatWasWrittenAndMarksItStopped() {
        ChatPage page = browsers.open().signIn("stopper");
        page.send("tell me a very long story");
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("stop")));
        page.waiting().until(driver -> !page.assistantReplies().isEmpty()
                && contentOf(page.assistantReplies().get(0)).contains("word3"));

        page.find("stop").click();

        WebElement reply = page.awaitReply(1, "interrupted");
        assertThat(contentOf(reply)).startsWith("word1 word2 word3");
        assertThat(reply.getText()).contains("Stopped");
        page.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("stop")));
        assertThat(page.find("send").isDisplayed()).isTrue();
    }
}
