package io.confab.bootstrap;

/** A configuration value is missing or wrong; the message is one line that names the key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String key, String problem) {
        super(key + " " + problem, null, false, false);
    }
}
