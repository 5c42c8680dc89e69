package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Seed 002's classification seen from the page: the offline rules' metadata as a card under the reply, live and stored. */
class BrowserReplyMetadataTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withSettings(Map.of("CONFAB_REPLY_METADATA",
            Path.of("..", "docs", "profiles", "home-services.json").toString()));

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    @Test
    void aReply_showsItsMetadataCard_whileStreamingAndAfterAReload() {
        ChatPage page = browsers.open().signIn("home-owner");

        page.send("a pipe burst in my kitchen");

        assertThat(card(page.awaitReply(1, "complete"))).containsEntry("service_type", "plumbing")
                .containsEntry("urgency", "emergency");
        page.reload();
        assertThat(card(page.awaitReply(1, "complete"))).containsEntry("service_type", "plumbing");
    }

    private static Map<String, String> card(WebElement reply) {
        WebElement card = reply.findElement(testId("reply-metadata"));
        return Map.of(
                "service_type", card.findElement(By.cssSelector("dd[data-name=\"service_type\"]")).getText(),
                "urgency", card.findElement(By.cssSelector("dd[data-name=\"urgency\"]")).getText());
    }
}
