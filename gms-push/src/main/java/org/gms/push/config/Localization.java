package org.gms.push.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Localized push messages of {@code [push] localizationFileLocation}: an ini file with one section per language
 * ({@code [en]}, {@code [fr]}, {@code [fr-CA]}) holding {@code key = text}. A {@code localizestring} message is a
 * key, looked up in the subscription's {@code language} property, then its base language, then {@code [default]},
 * and sent as the key itself when nothing matches.
 */
public final class Localization {

    private static final Logger LOG = LoggerFactory.getLogger(Localization.class);
    private final Map<String, Map<String, String>> languages;

    private Localization(Map<String, Map<String, String>> languages) {
        this.languages = languages;
    }

    public static Localization none() {
        return new Localization(Map.of());
    }

    public static Localization load(Optional<Path> file) {
        if (file.isEmpty()) {
            return none();
        }
        Map<String, Map<String, String>> languages = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            String current = "default";
            for (String line : new java.io.BufferedReader(reader).lines().toList()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith(";") || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = text.substring(1, text.length() - 1).strip().toLowerCase(Locale.ROOT);
                    continue;
                }
                int equals = text.indexOf('=');
                if (equals > 0) {
                    languages.computeIfAbsent(current, key -> new HashMap<>())
                            .put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot read the push localization file {}: {}; localized messages are sent as keys",
                    file.get(), e.getMessage());
        }
        return new Localization(languages);
    }

    public String localize(String key, String language) {
        String wanted = language == null ? "" : language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (String candidate : new String[] {wanted, wanted.contains("-") ? wanted.substring(0, wanted.indexOf('-'))
                : wanted, "default"}) {
            Map<String, String> texts = languages.get(candidate);
            if (texts != null && texts.containsKey(key)) {
                return texts.get(key);
            }
        }
        return key;
    }
}
