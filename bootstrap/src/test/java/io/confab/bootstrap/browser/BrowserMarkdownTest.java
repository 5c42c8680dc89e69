package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Replies rendered as Markdown by marked and sanitised by DOMPurify (both from the jar's WebJars):
 * the replies come in through the import route, so they can hold any Markdown and any attack.
 */
class BrowserMarkdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    private final String user = "markdown-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aReply_showsATable_aTaskList_andACodeBlockWithACopyButton() {
        ChatPage page = browsers.open().signIn(user).allowClipboard();
        WebElement reply = importedReply(page, """
                | Task | Done |
                |------|------|
                | milk | yes  |

                - [x] buy milk
                - [ ] walk the dog

                ```java
                System.out.println("hi");
                ```
                """);

        assertThat(reply.findElements(By.cssSelector("table td"))).extracting(WebElement::getText)
                .containsExactly("milk", "yes");
        List<WebElement> boxes = reply.findElements(By.cssSelector("li input[type=checkbox]"));
        assertThat(boxes).extracting(box -> box.getDomProperty("checked")).containsExactly("true", "false");
        assertThat(reply.findElement(By.cssSelector("pre code")).getText()).isEqualTo("System.out.println(\"hi\");");

        reply.findElement(testId("code-copy")).click();
        page.waiting().until(ExpectedConditions.attributeToBe(testId("code-copy"), "data-copied", "true"));
        assertThat(page.clipboard()).isEqualTo("System.out.println(\"hi\");\n");
    }

    @Test
    void scriptsHandlersAndJavascriptLinksInAReply_areStrippedAndRunNothing() {
        ChatPage page = browsers.open().signIn(user);
        WebElement reply = importedReply(page, """
                before <script>window.pwned = 1</script>
                <img src=x onerror="window.pwned = 2"> <b onmouseover="window.pwned = 3">bold</b>
                [click](javascript:window.pwned=4) <iframe src="javascript:window.pwned=5"></iframe>
                [fine](https://example.org/)
                """);

        assertThat(reply.getText()).contains("before").contains("bold");
        assertThat(page.browser.findElements(By.cssSelector(
                "#messages script, #messages img, #messages iframe, #messages [onerror], #messages [onmouseover]"))).isEmpty();
        assertThat(reply.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        WebElement link = reply.findElement(By.cssSelector("a[href='https://example.org/']"));
        assertThat(link.getDomAttribute("rel")).contains("noopener");
        assertThat(page.browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> page.browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Imports a conversation whose one reply is {@code markdown}, opens it, and returns the reply as shown. */
    private static WebElement importedReply(ChatPage page, String markdown) {
        ObjectNode export = JSON.createObjectNode().put("format", "confab.conversation.v1");
        export.putObject("conversation").put("title", "Markdown").put("created_at", "2026-01-01T00:00:00Z")
                .put("updated_at", "2026-01-01T00:00:00Z");
        ArrayNode messages = export.putArray("messages");
        messages.addObject().put("role", "user").put("content", "show me").put("created_at", "2026-01-01T00:00:00Z");
        messages.addObject().put("role", "assistant").put("content", markdown).put("created_at", "2026-01-01T00:00:01Z");
        var imported = page.api("POST", "/api/v1/chat/conversations/import", export.toString());
        assertThat(imported.get("status")).isEqualTo(201L);
        page.reload();
        return page.awaitReply(1, "complete");
    }
}
