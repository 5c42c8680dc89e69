package io.confab.application;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.JsonSchemaValidator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured metadata of each completed reply (SPEC §15) under a {@link MetadataProfile}: the
 * model's answer when it is valid under the profile's schema, else the profile's fallback (the model
 * gave none, gave an invalid one, or failed: logged at WARN, and the reply stands). {@link #NONE}
 * when no profile is configured: replies then carry no metadata and no {@code metadata} event.
 */
public final class ReplyMetadata {

    public static final ReplyMetadata NONE = new ReplyMetadata(Optional.empty(), (schema, value) -> List.of());

    private static final System.Logger LOG = System.getLogger(ReplyMetadata.class.getName());

    private final Optional<MetadataProfile> profile;
    private final JsonSchemaValidator validator;

    private ReplyMetadata(Optional<MetadataProfile> profile, JsonSchemaValidator validator) {
        this.profile = profile;
        this.validator = validator;
    }

    /**
     * Metadata under {@code profile}, checked by {@code validator}.
     *
     * @throws IllegalArgumentException when the schema is not a JSON Schema or the fallback is not valid under it
     */
    public static ReplyMetadata of(MetadataProfile profile, JsonSchemaValidator validator) {
        Objects.requireNonNull(profile, "profile");
        List<String> wrong = validator.violations(profile.schema(), profile.fallback());
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("the fallback is not valid under the schema: " + String.join("; ", wrong));
        }
        return new ReplyMetadata(Optional.of(profile), validator);
    }

    public Optional<MetadataProfile> profile() {
        return profile;
    }

    /** The metadata of {@code reply} to {@code userMessage}; empty when no profile is configured. */
    public Optional<JsonValue.Obj> describe(ChatModel model, String userMessage, String reply) {
        return profile.map(p -> valid(p, ask(model, new MetadataRequest(p, userMessage, reply))).orElse(p.fallback()));
    }

    private static Optional<JsonValue> ask(ChatModel model, MetadataRequest request) {
        try {
            Optional<JsonValue> answer = model.replyMetadata(request);
            if (answer.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "the model gave no reply metadata; using the fallback");
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the model failed to give reply metadata (" + e.getMessage()
                    + "); using the fallback");
            return Optional.empty();
        }
    }

    private Optional<JsonValue.Obj> valid(MetadataProfile profile, Optional<JsonValue> answer) {
        return answer.flatMap(value -> {
            List<String> wrong = validator.violations(profile.schema(), value);
            if (!wrong.isEmpty() || !(value instanceof JsonValue.Obj object)) {
                LOG.log(System.Logger.Level.WARNING, "the model's reply metadata is not valid under the schema ("
                        + String.join("; ", wrong) + "); using the fallback");
                return Optional.empty();
            }
            return Optional.of(object);
        });
    }
}
