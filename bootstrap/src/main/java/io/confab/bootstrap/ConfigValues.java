package io.confab.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw configuration: keys from an optional properties file, overridden by environment
 * variables of the same name, read with typed getters whose errors name the key (and never echo a
 * secret).
 */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}) ?(ms|s|m)?");

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

    /** A duration such as {@code 60s}, {@code 500ms} or {@code 2m}; a bare number is seconds. */
    Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(text.get().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration value = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        }
        throw new ConfigException(key, "must be a duration from " + readable(min) + " to " + readable(max)
                + " such as 60s, 500ms or 2m (a bare number is seconds), got '" + text.get() + "'");
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

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
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
