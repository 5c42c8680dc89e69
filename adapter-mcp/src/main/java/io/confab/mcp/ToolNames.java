package io.confab.mcp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Names remote tools as {@code server__tool}, kept within what OpenAI accepts
 * ({@code ^[a-zA-Z0-9_-]{1,64}$}): other characters become '_', over-long names are cut and end
 * in a short hash of the original so two long names stay distinct.
 */
final class ToolNames {

    static final String SEPARATOR = "__";
    static final int MAX_LENGTH = 64;

    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final int HASH_LENGTH = 8;

    private ToolNames() {
    }

    static String exposed(String server, String tool) {
        String name = server + SEPARATOR + INVALID.matcher(tool).replaceAll("_");
        if (name.length() <= MAX_LENGTH && name.equals(server + SEPARATOR + tool)) {
            return name;
        }
        String hash = hash(tool);
        String head = name.length() > MAX_LENGTH - HASH_LENGTH - 1 ? name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) : name;
        return head + "_" + hash;
    }

    private static String hash(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
