package io.confab.domain;

/**
 * The authenticated user (the JWT {@code sub}); every piece of user data is owned by one. It has
 * no control characters, so a user id written to a log stays on its line.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isBlank()) {
            throw new ValidationException("user_id", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException("user_id", "must be at most " + MAX_LENGTH + " characters");
        }
        if (UserText.hasControlCharacter(value)) {
            throw new ValidationException("user_id", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
