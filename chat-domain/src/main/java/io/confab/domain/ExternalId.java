package io.confab.domain;

/**
 * The caller's own name for one of its conversations (a ticket number, a chat id of a frontend);
 * unique among the owner's live conversations, so a create with it again finds the same one. It
 * has no control characters, so it stays on its log line.
 */
public record ExternalId(String value) {

    public static final int MAX_LENGTH = 255;

    public ExternalId {
        if (value == null || value.isBlank()) {
            throw new ValidationException("external_id", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException("external_id", "must be at most " + MAX_LENGTH + " characters");
        }
        if (UserText.hasControlCharacter(value)) {
            throw new ValidationException("external_id", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
