package io.confab.domain;

/**
 * Rules for text that users supply: what Confab stores must hold no NUL (U+0000), which
 * PostgreSQL's {@code text} and {@code jsonb} refuse, so it is a validation error on every store;
 * what identifies a user holds no control character, so it cannot break a log line.
 */
public final class UserText {

    private UserText() {
    }

    /** {@code value} (may be null) unless it contains U+0000, which is a validation error on {@code field}. */
    public static String withoutNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new ValidationException(field, "must not contain the NUL character (U+0000)");
        }
        return value;
    }

    /** Whether {@code value} has a control character (C0, DEL, C1) or a Unicode line or paragraph separator. */
    public static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029');
    }
}
