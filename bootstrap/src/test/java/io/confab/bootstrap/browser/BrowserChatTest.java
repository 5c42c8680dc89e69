package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.contentOf;
import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The chat page in headless Chromium against the real server with its configured model. */
class BrowserChatTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    private final String user = "user-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void signingIn_withAUserId_showsTheChatAndALiveConnection() {
        ChatPage page = browsers.open().signIn(user);

        assertThat(page.find("user-name").getText()).isEqualTo(user);
        assertThat(page.find("connection").getText()).isEqualTo("Live");
        assertThat(page.browser.executeScript("return sessionStorage.getItem('confab.token')")).isNotNull();
        assertThat(page.find("messages-empty").isDisplayed()).isTrue();
        assertThat(page.find("signin").isDisplayed()).isFalse();
    }

    @Test
    void anExpiredSession_leadsBackToSignInWithAClearMessage() {
        ChatPage page = browsers.open().signIn(user);

        page.browser.executeScript("sessionStorage.setItem('confab.token', 'expired.or.forged')");
        page.browser.navigate().refresh();

        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("signin-error")));
        assertThat(page.find("signin-error").getText()).contains("session has expired");
        assertThat(page.find("signin-user").getDomProperty("value")).isEqualTo(user);
    }

    @Test
    void sendingAMessage_streamsTheReplyAndListsTheNewConversation() {
        ChatPage page = browsers.open().signIn(user);

        page.send("hello there");

        WebElement reply = page.awaitReply(1, "complete");
        assertThat(contentOf(reply)).isNotBlank();
        assertThat(page.userMessages()).extracting(ChatPage::contentOf).containsExactly("hello there");
        assertThat(page.conversations()).hasSize(1);
        assertThat(page.find("stop").isDisplayed()).isFalse();
    }

    @Test
    void reloadingThePage_showsTheConversationHistory() {
        ChatPage page = browsers.open().signIn(user);
        page.send("remember this");
        String reply = contentOf(page.awaitReply(1, "complete"));

        page.reload();

        page.waiting().until(driver -> page.assistantReplies().size() == 1);
        assertThat(page.userMessages()).extracting(ChatPage::contentOf).containsExactly("remember this");
        assertThat(contentOf(page.assistantReplies().get(0))).isEqualTo(reply);
        assertThat(page.find("user-name").getText()).isEqualTo(user);
    }

    @Test
    void aSecondBrowserOfTheSameUser_seesANewMessageAppearLive() {
        ChatPage first = browsers.open().signIn(user);
        first.send("first message");
        first.awaitReply(1, "complete");
        ChatPage second = browsers.open().signIn(user);
        second.waiting().until(driver -> second.assistantReplies().size() == 1);

        first.send("sent from the first browser");

        second.waiting().until(driver -> second.userMessages().size() == 2);
        assertThat(contentOf(second.userMessages().get(1))).isEqualTo("sent from the first browser");
        WebElement reply = second.awaitReply(2, "complete");
        assertThat(contentOf(reply)).isEqualTo(contentOf(first.awaitReply(2, "complete")));
    }

    @Test
    void renamingAConversationInline_showsAndKeepsTheNewTitle() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        page.awaitReply(1, "complete");

        page.find("conversation-rename").click();
        WebElement input = page.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                testId("conversation-rename-input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Groceries", Keys.ENTER);

        page.waiting().until(ExpectedConditions.textToBe(testId("conversation-title"), "Groceries"));
        assertThat(page.find("chat-title").getText()).isEqualTo("Groceries");
        page.reload();
        page.waiting().until(ExpectedConditions.textToBe(testId("conversation-title"), "Groceries"));
    }

    @Test
    void deletingAConversation_afterConfirming_removesItForGood() {
        ChatPage page = browsers.open().signIn(user);
        page.send("a conversation to delete");
        page.awaitReply(1, "complete");

        page.find("conversation-delete").click();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("confirm-dialog")));
        page.find("confirm-ok").click();

        page.waiting().until(driver -> page.conversations().isEmpty());
        assertThat(page.userMessages()).isEmpty();
        page.reload();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("messages-empty")));
        assertThat(page.conversations()).isEmpty();
    }

    @Test
    void aMessageWithAScriptTag_isShownAsTextAndRunsNothing() {
        ChatPage page = browsers.open().signIn(user);
        String attack = "look <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))";

        page.send(attack);
        WebElement reply = page.awaitReply(1, "complete");

        assertThat(contentOf(page.userMessages().get(0))).isEqualTo(attack);
        assertThat(page.browser.findElements(By.cssSelector("#messages script, #messages img"))).isEmpty();
        assertThat(reply.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertThatThrownBy(() -> page.browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theComposer_countsCharactersAndKeepsShiftEnterAsANewLine() {
        ChatPage page = browsers.open().signIn(user);
        WebElement composer = page.find("composer-input");

        composer.sendKeys("two", Keys.chord(Keys.SHIFT, Keys.ENTER), "lines");

        assertThat(composer.getDomProperty("value")).isEqualTo("two\nlines");
        assertThat(page.find("char-counter").getText()).isEqualTo("9 / 10,000");
        assertThat(page.userMessages()).isEmpty();
        assertThat(page.find("send").isEnabled()).isTrue();
    }

    @Test
    void onAPhone_theChatFitsTheScreenAndTheConversationsOpenAsADrawer() {
        ChatPage page = browsers.open(360, 740).signIn(user);
        page.send("hello from a phone");
        page.awaitReply(1, "complete");

        Long overflow = (Long) page.browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isZero();
        assertThat(page.find("sidebar").isDisplayed()).isFalse();
        page.find("toggle-sidebar").click();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("conversation-open")));
        assertThat(page.find("toggle-sidebar").getDomAttribute("aria-expanded")).isEqualTo("true");
    }
}
