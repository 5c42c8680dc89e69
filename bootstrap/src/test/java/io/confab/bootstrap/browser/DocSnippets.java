package io.confab.bootstrap.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JavaScript code blocks of {@code docs/frontends.md}, so the browser tests run the very code
 * the docs tell users to copy.
 */
final class DocSnippets {

    private static final Path FRONTENDS = Path.of("..", "docs", "frontends.md");
    /** The address the snippets use for Confab, replaced with the test server's. */
    static final String PLACEHOLDER = "https://confab.example.com";

    private DocSnippets() {
    }

    /** The first {@code ```js} block under the {@code ## heading} section. */
    static String javascript(String heading) {
        String doc;
        try {
            doc = Files.readString(FRONTENDS);
        } catch (IOException e) {
            throw new UncheckedIOException("the browser tests read " + FRONTENDS.toAbsolutePath(), e);
        }
        int section = doc.indexOf("\n## " + heading + "\n");
        if (section < 0) {
            throw new IllegalStateException("docs/frontends.md has no section '## " + heading + "'");
        }
        int start = doc.indexOf("```js\n", section);
        int next = doc.indexOf("\n## ", section + 1);
        if (start < 0 || (next >= 0 && start > next)) {
            throw new IllegalStateException("the section '" + heading + "' of docs/frontends.md has no ```js block");
        }
        int body = start + "```js\n".length();
        return doc.substring(body, doc.indexOf("\n```", body) + 1);
    }

    /**
     * The block under {@code heading} pointed at {@code confab}, wrapped so its top-level
     * declarations stay its own: {@code window[name]} holds its functions {@code exported}.
     */
    static String module(String name, String heading, String confab, String... exported) {
        String code = javascript(heading);
        if (!code.contains(PLACEHOLDER)) {
            throw new IllegalStateException("the block under '" + heading + "' no longer names " + PLACEHOLDER);
        }
        return "window." + name + " = (() => {\n" + code.replace(PLACEHOLDER, confab)
                + "return { " + String.join(", ", exported) + " };\n})();\n";
    }
}
