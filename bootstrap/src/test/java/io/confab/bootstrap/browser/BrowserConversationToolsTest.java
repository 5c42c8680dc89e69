package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.contentOf;
import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Search, export and per-conversation settings from the page, against the offline model. */
class BrowserConversationToolsTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withSettings(Map.of("CONFAB_MODELS", "small-model"));

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    private final String user = "tools-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void searching_findsAMessage_andItsResultOpensTheConversationAtIt() {
        ChatPage page = browsers.open().signIn(user);
        page.send("remember the zebra crossing");
        page.awaitReply(1, "complete");
        String zebraConversation = page.openConversationId();
        page.find("new-conversation").click();
        page.waiting().until(driver -> page.conversations().size() == 2);
        page.send("hello");
        page.awaitReply(1, "complete");

        page.find("search-input").sendKeys("zebra");

        WebElement hit = page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("search-hit")));
        assertThat(hit.getText()).contains("zebra crossing");
        hit.click();
        page.waiting().until(driver -> zebraConversation.equals(page.openConversationId()));
        WebElement found = page.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=\"message\"][data-found]")));
        assertThat(contentOf(found)).isEqualTo("remember the zebra crossing");
    }

    @Test
    void exportingAsMarkdown_downloadsTheTranscript(@TempDir Path downloads) throws IOException {
        assertThat(exported(downloads, "add a task to water the plants", "markdown", ".md"))
                .startsWith("# ").contains("add a task to water the plants");
    }

    @Test
    void exportingAsJson_downloadsTheConversationWithItsMessages(@TempDir Path downloads) throws IOException {
        assertThat(exported(downloads, "hello export", "json", ".json"))
                .contains("\"format\":\"confab.conversation.v1\"").contains("hello export");
    }

    /** Sends {@code message}, exports the conversation with the menu's {@code export-<format>} item, and reads the file downloaded. */
    private String exported(Path downloads, String message, String format, String extension) throws IOException {
        ChatPage page = browsers.open().signIn(user);
        page.browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        page.send(message);
        page.awaitReply(1, "complete");
        Path file = downloads.resolve("conversation-" + page.openConversationId() + extension);

        page.find("export").click();
        page.find("export-" + format).click();

        page.waiting().until(driver -> Files.exists(file));
        return Files.readString(file);
    }

    @Test
    void settings_areSaved_andShownAgainAfterAReload() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        page.awaitReply(1, "complete");

        page.find("open-settings").click();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("settings-dialog")));
        page.find("settings-prompt").sendKeys("Answer like a pirate.");
        page.find("settings-model").sendKeys("small-model");
        page.find("settings-retention").sendKeys("30");
        page.find("settings-save").click();
        page.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("settings-dialog")));

        page.reload();
        page.awaitReply(1, "complete");
        page.find("open-settings").click();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("settings-dialog")));
        assertThat(page.find("settings-prompt").getDomProperty("value")).isEqualTo("Answer like a pirate.");
        assertThat(page.find("settings-model").getDomProperty("value")).isEqualTo("small-model");
        assertThat(page.find("settings-retention").getDomProperty("value")).isEqualTo("30");
    }

    @Test
    void aModelOutsideTheAllowList_isRefusedWithTheReasonInTheDialog() {
        ChatPage page = browsers.open().signIn(user);
        page.send("hello");
        page.awaitReply(1, "complete");

        page.find("open-settings").click();
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("settings-dialog")));
        page.find("settings-model").sendKeys("gpt-unknown", Keys.ENTER);

        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("settings-error")));
        assertThat(page.find("settings-error").getText()).contains("model").contains("small-model");
        assertThat(page.find("settings-dialog").isDisplayed()).isTrue();
    }
}
