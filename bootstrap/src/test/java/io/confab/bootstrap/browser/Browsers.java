package io.confab.bootstrap.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test: each opens the chat page of the server in a fresh headless Chromium
 * (its own profile, so its own sessionStorage); after the test each saves a screenshot under
 * {@code target/screenshots/} and quits.
 */
final class Browsers implements AfterEachCallback {

    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;

    private final RunningServer server;
    private final List<ChatPage> pages = new ArrayList<>();

    Browsers(RunningServer server) {
        this.server = server;
    }

    /** A new desktop-sized browser on the chat page. */
    ChatPage open() {
        return open(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }

    ChatPage open(int width, int height) {
        ChatPage page = new ChatPage(Chromium.start(server.profiles(), width, height), server.home());
        pages.add(page);
        return page.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            for (int i = 0; i < pages.size(); i++) {
                pages.get(i).screenshot(i == 0 ? name : name + "-browser" + (i + 1));
            }
        } finally {
            pages.forEach(page -> page.browser.quit());
            pages.clear();
        }
    }
}
