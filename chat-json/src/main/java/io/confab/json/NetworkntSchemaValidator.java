package io.confab.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.JsonSchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JsonSchemaValidator} on networknt's json-schema-validator (draft 2020-12 unless a schema
 * names its own {@code $schema}). Each schema is checked against the draft 2020-12 meta-schema
 * (bundled in the library: nothing is fetched) and compiled once.
 */
public final class NetworkntSchemaValidator implements JsonSchemaValidator {

    /** More distinct schemas than any configuration has; past it the cache starts over. */
    private static final int MAX_CACHED_SCHEMAS = 256;

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
    private final Map<JsonValue.Obj, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public List<String> violations(JsonValue.Obj schema, JsonValue value) {
        return compiled(schema).validate(JsonValues.write(value), InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private Schema compiled(JsonValue.Obj schema) {
        if (compiled.size() > MAX_CACHED_SCHEMAS) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(schema, this::compile);
    }

    private Schema compile(JsonValue.Obj schema) {
        String text = JsonValues.write(schema);
        List<Error> wrong = metaSchema.validate(text, InputFormat.JSON);
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + wrong.getFirst());
        }
        try {
            Schema compiledSchema = registry.getSchema(text, InputFormat.JSON);
            compiledSchema.initializeValidators();
            return compiledSchema;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage(), e);
        }
    }
}
