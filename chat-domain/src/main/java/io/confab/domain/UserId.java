package io.confab.domain;

/** The authenticated user (the JWT {@code sub}); every piece of user data is owned by one. */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isBlank()) {
            throw new ValidationException("user_id", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException("user_id", "must be at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
