package io.confab.bootstrap.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page as a test sees it: what a user does (sign in, send, stop, rename, delete) and what they see. */
final class ChatPage {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver browser;
    private final URI home;

    ChatPage(ChromeDriver browser, URI home) {
        this.browser = browser;
        this.home = home;
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    static By messages(String role) {
        return By.cssSelector("[data-testid=\"message\"][data-role=\"" + role + "\"]");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    ChatPage open() {
        browser.get(home.toString());
        return this;
    }

    ChatPage reload() {
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("app")));
        return this;
    }

    /** Development sign-in with a user id; returns once the chat shows with the first data loaded. */
    ChatPage signIn(String user) {
        WebElement input = waiting().until(ExpectedConditions.visibilityOfElementLocated(testId("signin-user")));
        input.sendKeys(user);
        find("signin-submit").click();
        waiting().until(ExpectedConditions.attributeToBe(testId("user-name"), "textContent", user));
        waiting().until(ExpectedConditions.attributeToBe(testId("connection"), "data-state", "live"));
        return this;
    }

    /** Types a message and presses Enter. */
    ChatPage send(String text) {
        WebElement composer = find("composer-input");
        composer.sendKeys(text);
        composer.sendKeys(Keys.ENTER);
        return this;
    }

    /** Waits for the n-th (1-based) assistant reply to be finished with the given status. */
    WebElement awaitReply(int n, String status) {
        waiting().until(driver -> assistantReplies().size() >= n
                && status.equals(assistantReplies().get(n - 1).getDomAttribute("data-status")));
        return assistantReplies().get(n - 1);
    }

    List<WebElement> assistantReplies() {
        return browser.findElements(messages("assistant"));
    }

    List<WebElement> userMessages() {
        return browser.findElements(messages("user"));
    }

    List<WebElement> conversations() {
        return browser.findElements(testId("conversation"));
    }

    WebElement find(String testId) {
        return browser.findElement(testId(testId));
    }

    /**
     * Calls the API from the page with the signed-in user's token, as the page itself would;
     * returns the status and the body's text.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> api(String method, String path, String jsonBody) {
        return (Map<String, Object>) browser.executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const headers = {Authorization: 'Bearer ' + sessionStorage.getItem('confab.token')};
                if (body !== null) headers['Content-Type'] = 'application/json';
                fetch(path, {method, headers, body})
                    .then(async (response) => done({status: response.status, body: await response.text()}))
                    .catch((error) => done({status: 0, body: String(error)}));
                """, method, path, jsonBody);
    }

    /** Lets the page use the clipboard (as a user's click would in a focused window), for the copy buttons. */
    ChatPage allowClipboard() {
        browser.executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", home.toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        return this;
    }

    /** What the clipboard holds now. */
    String clipboard() {
        return (String) browser.executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], (error) => arguments[0]('failed: ' + error))");
    }

    /** The id of the open conversation (from the page's address). */
    String openConversationId() {
        return (String) browser.executeScript("return new URLSearchParams(location.hash.slice(1)).get('c')");
    }

    static String contentOf(WebElement message) {
        return message.findElement(testId("message-content")).getText();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}; returns the file. */
    Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
