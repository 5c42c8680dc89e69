package io.confab.domain.tool;

import java.util.Optional;

/** Where a running tool reports progress; becomes {@code tool_progress} events. */
@FunctionalInterface
public interface ToolProgress {

    ToolProgress IGNORE = (message, count) -> { };

    void report(String message, Optional<Long> count);
}
