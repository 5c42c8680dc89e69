package io.confab.bootstrap.browser;

import static io.confab.bootstrap.browser.ChatPage.contentOf;
import static io.confab.bootstrap.browser.ChatPage.testId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The task tools seen from the page: the offline assistant adds a task, the chip and the task list show it. */
class BrowserTaskTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.withConfiguredModel();

    @RegisterExtension
    final Browsers browsers = new Browsers(SERVER);

    @Test
    void askingToAddATask_streamsTheReplyShowsADoneToolChipAndListsTheTask() {
        ChatPage page = browsers.open().signIn("milk-buyer");

        page.send("add a task to buy milk");

        WebElement reply = page.awaitReply(1, "complete");
        WebElement chip = reply.findElement(testId("tool-chip"));
        assertThat(chip.getDomAttribute("data-state")).isEqualTo("ok");
        assertThat(chip.getText()).startsWith("✓");
        assertThat(contentOf(reply)).containsIgnoringCase("buy milk");
        page.waiting().until(driver -> page.browser.findElements(testId("task-title")).stream()
                .anyMatch(title -> title.getText().equalsIgnoreCase("buy milk")));
    }
}
