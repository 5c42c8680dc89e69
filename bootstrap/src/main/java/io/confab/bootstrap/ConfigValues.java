package io.confab.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The raw configuration: keys from an optional properties file, overridden by environment
 * variables of the same name, read with typed getters whose errors name the key (and never echo a
 * secret).
 */
final class ConfigValues {

    private final Map<String, String> values;

    ConfigValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** {@code file} (when it exists) overridden by {@code environment}. */
    static ConfigValues load(Path file, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
            }
            properties.stringPropertyNames().forEach(key -> merged.put(key, properties.getProperty(key)));
        }
        environment.forEach((key, value) -> {
            if (key.startsWith("CONFAB_") || key.startsWith("OPENAI_")) {
                merged.put(key, value);
            }
        });
        return new ConfigValues(merged);
    }

    Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, "must be an integer from " + min + " to " + max + ", got '" + text.get() + "'");
    }

    Optional<URI> uri(String key, String... schemes) {
        return optional(key).map(text -> {
            try {
                URI uri = new URI(text);
                for (String scheme : schemes) {
                    if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                        return uri;
                    }
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new ConfigException(key, "must be a " + String.join(" or ", schemes) + " URL");
        });
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return constant;
            }
        }
        throw new ConfigException(key, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                .toLowerCase(java.util.Locale.ROOT) + ", got '" + text.get() + "'");
    }
}
