package org.gms.storage.document;

import java.util.regex.Pattern;
import org.gms.core.error.BadRequestException;

/**
 * What storage ids and keys may look like. Both travel in URL paths, so path separators, dot segments and control
 * characters are refused; keys may otherwise be any Unicode text.
 */
public final class StorageNames {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_KEY_LENGTH = 256;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~@-]*");
    private static final int SHOWN = 64;

    private StorageNames() {
    }

    public static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new BadRequestException("Storage id must not be empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("Storage id is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!ID.matcher(id).matches()) {
            throw new BadRequestException("Invalid storage id [" + shown(id) + "]: use letters, digits and . _ ~ @ -"
                    + " starting with a letter or digit");
        }
        return id;
    }

    public static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new BadRequestException("Storage key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new BadRequestException("Storage key [" + shown(key) + "] is longer than " + MAX_KEY_LENGTH
                    + " characters");
        }
        if (key.equals(".") || key.equals("..")) {
            throw new BadRequestException("Invalid storage key [" + key + "]: dot segments are not keys");
        }
        for (int index = 0; index < key.length(); index++) {
            char character = key.charAt(index);
            if (character == '/' || character == '\\' || Character.isISOControl(character)) {
                throw new BadRequestException("Invalid storage key [" + shown(key)
                        + "]: slashes, backslashes and control characters are not allowed");
            }
        }
        return key;
    }

    /** A name as it may appear in a message: bounded, control characters replaced. */
    static String shown(String name) {
        String bounded = name.length() > SHOWN ? name.substring(0, SHOWN) + "..." : name;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
