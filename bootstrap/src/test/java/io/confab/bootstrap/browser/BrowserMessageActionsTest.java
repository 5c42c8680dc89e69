package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.contentOf;
import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The buttons under messages (edit, regenerate, copy, thumbs up/down), against the offline model. */
class BrowserMessageActionsTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    private final String user = "actions-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void editingTheLastUserMessage_replacesItAndItsReply() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        String first = contentOf(page.awaitReply(1, "complete"));

        page.userMessages().get(0).findElement(testId("edit")).click();
        WebElement input = page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("edit-input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "add a task to buy oat milk");
        page.find("edit-save").click();

        page.waiting().until(driver -> contentOf(page.awaitReply(1, "complete")).contains("oat milk"));
        assertThat(contentOf(page.assistantReplies().get(0))).isNotEqualTo(first);
        assertThat(page.userMessages()).extracting(ChatPage::contentOf).containsExactly("add a task to buy oat milk");
        page.reload();
        page.waiting().until(driver -> page.assistantReplies().size() == 1);
        assertThat(page.userMessages()).extracting(ChatPage::contentOf).containsExactly("add a task to buy oat milk");
        assertThat(contentOf(page.assistantReplies().get(0))).contains("oat milk");
    }

    @Test
    void regenerating_replacesTheReplyWithANewVersion() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        String firstId = page.awaitReply(1, "complete").getDomAttribute("data-id");

        page.find("regenerate").click();

        page.waiting().until(driver -> {
            WebElement reply = page.awaitReply(1, "complete");
            return !firstId.equals(reply.getDomAttribute("data-id"));
        });
        assertThat(page.assistantReplies()).hasSize(1);
        String newId = page.assistantReplies().get(0).getDomAttribute("data-id");
        var versions = page.api("GET", "/api/v1/chat/conversations/" + page.openConversationId()
                + "/messages/" + newId + "/versions", null);
        assertThat(versions.get("status")).isEqualTo(200L);
        assertThat((String) versions.get("body")).contains(firstId).contains(newId);
    }

    @Test
    void onlyTheLatestExchange_offersRegenerateAndEdit() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        page.awaitReply(1, "complete");
        page.send("and hello again");
        page.awaitReply(2, "complete");

        assertThat(page.assistantReplies().get(0).findElement(testId("regenerate")).isDisplayed()).isFalse();
        assertThat(page.userMessages().get(0).findElement(testId("edit")).isDisplayed()).isFalse();
        assertThat(page.assistantReplies().get(1).findElement(testId("regenerate")).isDisplayed()).isTrue();
        assertThat(page.userMessages().get(1).findElement(testId("edit")).isDisplayed()).isTrue();
    }

    @Test
    void copyingAReply_putsItsTextOnTheClipboard() {
        ChatPage page = browsers.open().signIn(user).allowClipboard();
        page.send("hello");
        WebElement reply = page.awaitReply(1, "complete");

        reply.findElement(testId("message-copy")).click();

        page.waiting().until(ExpectedConditions.attributeToBe(testId("message-copy"), "data-copied", "true"));
        assertThat(page.clipboard()).isEqualTo(contentOf(reply));
    }

    @Test
    void thumbsUpOrDown_isShownAsChosen_andStaysChosenAfterAReload() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        page.awaitReply(1, "complete");

        page.find("feedback-down").click();
        page.waiting().until(ExpectedConditions.attributeToBe(testId("feedback-down"), "aria-pressed", "true"));
        page.find("feedback-up").click();
        page.waiting().until(ExpectedConditions.attributeToBe(testId("feedback-up"), "aria-pressed", "true"));
        assertThat(page.find("feedback-down").getDomAttribute("aria-pressed")).isEqualTo("false");

        page.reload();
        page.awaitReply(1, "complete");
        assertThat(page.find("feedback-up").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.find("feedback-down").getDomAttribute("aria-pressed")).isEqualTo("false");
    }
}
