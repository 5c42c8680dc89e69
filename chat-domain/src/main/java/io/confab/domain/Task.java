package io.confab.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A to-do item managed by the built-in task tools. {@code id} is a small number per user (what
 * people say: "task 2"), so a task is identified by (owner, id).
 */
public record Task(
        long id,
        UserId owner,
        String title,
        String description,
        boolean completed,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    public Task {
        if (id <= 0) {
            throw new IllegalArgumentException("task id must be positive");
        }
        Objects.requireNonNull(owner, "owner");
        title = checkTitle(title);
        description = checkDescription(description);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new ValidationException("title", "must not be empty");
        }
        String value = title.strip();
        if (value.length() > MAX_TITLE_LENGTH) {
            throw new ValidationException("title", "must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        return UserText.withoutNul("title", value);
    }

    public static String checkDescription(String description) {
        String value = description == null ? "" : description.strip();
        if (value.length() > MAX_DESCRIPTION_LENGTH) {
            throw new ValidationException("description",
                    "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return UserText.withoutNul("description", value);
    }

    public Task withTitle(String newTitle, Instant now) {
        return new Task(id, owner, newTitle, description, completed, createdAt, now);
    }

    public Task withDescription(String newDescription, Instant now) {
        return new Task(id, owner, title, newDescription, completed, createdAt, now);
    }

    public Task withCompleted(boolean done, Instant now) {
        return new Task(id, owner, title, description, done, createdAt, now);
    }
}
