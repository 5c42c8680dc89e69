package io.confab.domain.port;

import io.confab.domain.json.JsonValue;
import java.util.List;

/** Checks JSON values against a JSON Schema (draft 2020-12). */
public interface JsonSchemaValidator {

    /**
     * What is wrong with {@code value} under {@code schema}, one line each; empty when it is valid.
     *
     * @throws IllegalArgumentException when {@code schema} is not a valid JSON Schema
     */
    List<String> violations(JsonValue.Obj schema, JsonValue value);
}
