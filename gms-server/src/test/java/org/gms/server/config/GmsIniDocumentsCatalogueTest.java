package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gms.core.config.Option;
import org.junit.jupiter.api.Test;

/** etc/gms.ini documents every option of the catalogue, in its section, with its default. */
class GmsIniDocumentsCatalogueTest {

    private static final Pattern SECTION = Pattern.compile("^;?\\s*\\[([^\\]]+)\\]\\s*$");
    private static final Pattern OPTION = Pattern.compile("^;?\\s*([^=;\\s][^=]*?)\\s*=\\s*(.*)$");

    @Test
    void should_document_every_catalogue_option_with_its_default_when_gms_ini_is_read() throws IOException {
        Map<String, Map<String, String>> documented = documented(Path.of("..", "etc", "gms.ini"));
        List<String> missing = new ArrayList<>();
        for (Option option : GmsOptions.catalogue().options()) {
            Map<String, String> section = sectionFor(documented, option.section());
            String key = option.isWildcard() ? null : option.name();
            if (key == null) {
                if (section == null) {
                    missing.add("[" + option.section() + "] (an example section)");
                }
                continue;
            }
            if (section == null || !section.containsKey(key)) {
                missing.add("[" + option.section() + "] " + key);
            }
        }
        assertThat(missing).as("options missing from etc/gms.ini").isEmpty();
    }

    @Test
    void should_show_the_catalogue_default_when_an_option_is_commented_out() throws IOException {
        Map<String, Map<String, String>> commented = commented(Path.of("..", "etc", "gms.ini"));
        List<String> wrong = new ArrayList<>();
        for (Option option : GmsOptions.catalogue().options()) {
            Map<String, String> section = sectionFor(commented, option.section());
            if (option.isWildcard() || section == null || !section.containsKey(option.name())) {
                continue;
            }
            if (!section.get(option.name()).equals(option.defaultValue())) {
                wrong.add("[" + option.section() + "] " + option.name() + " shows " + section.get(option.name())
                        + ", default is " + option.defaultValue());
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Map<String, String> sectionFor(Map<String, Map<String, String>> documented, String section) {
        if (!section.endsWith("*")) {
            return documented.get(section);
        }
        String prefix = section.substring(0, section.length() - 1);
        Map<String, String> merged = null;
        for (Map.Entry<String, Map<String, String>> entry : documented.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                merged = merged == null ? new HashMap<>() : merged;
                merged.putAll(entry.getValue());
            }
        }
        return merged;
    }

    /** Every option line, set or commented out, per section. */
    private static Map<String, Map<String, String>> documented(Path file) throws IOException {
        return read(file, false);
    }

    /** Only the commented-out option lines, which must show the default. */
    private static Map<String, Map<String, String>> commented(Path file) throws IOException {
        return read(file, true);
    }

    private static Map<String, Map<String, String>> read(Path file, boolean commentedOnly) throws IOException {
        Map<String, Map<String, String>> sections = new HashMap<>();
        String current = null;
        for (String line : Files.readAllLines(file)) {
            Matcher section = SECTION.matcher(line.strip());
            if (section.matches()) {
                current = section.group(1).strip();
                sections.computeIfAbsent(current, name -> new HashMap<>());
                continue;
            }
            Matcher option = OPTION.matcher(line.strip());
            if (current == null || !option.matches() || option.group(1).contains(" ")) {
                continue;
            }
            boolean isCommented = line.strip().startsWith(";");
            if (commentedOnly && !isCommented) {
                continue;
            }
            sections.get(current).putIfAbsent(option.group(1), option.group(2).strip());
        }
        return sections;
    }
}
