package org.gms.core.config;

import java.util.List;

/**
 * One option of the catalogue.
 *
 * @param section      section name; a trailing {@code *} makes it a family ({@code service.*})
 * @param name         option name as in GMS
 * @param type         value kind
 * @param defaultValue default, as written in {@code etc/gms.ini} ({@code ""} when none)
 * @param validValues  for {@link OptionType#ENUM} the values; for {@link OptionType#INTEGER} optionally {min, max}
 * @param reload       when a change applies
 * @param description  one line for {@code etc/gms.ini}
 * @param blankIsValue whether a blank value is a value of its own rather than "use the default" (GMS reads an empty
 *                     {@code [push] pushEnabled} as "no push type")
 */
public record Option(String section, String name, OptionType type, String defaultValue, List<String> validValues,
                     ReloadPolicy reload, String description, boolean blankIsValue) {

    public Option {
        validValues = List.copyOf(validValues);
    }

    public Option(String section, String name, OptionType type, String defaultValue, List<String> validValues,
                  ReloadPolicy reload, String description) {
        this(section, name, type, defaultValue, validValues, reload, description, false);
    }

    /** This option with a blank value kept as written instead of replaced by the default. */
    public Option keepingBlank() {
        return new Option(section, name, type, defaultValue, validValues, reload, description, true);
    }

    public static Option string(String section, String name, String defaultValue, ReloadPolicy reload,
                                String description) {
        return new Option(section, name, OptionType.STRING, defaultValue, List.of(), reload, description);
    }

    public static Option secret(String section, String name, ReloadPolicy reload, String description) {
        return new Option(section, name, OptionType.SECRET, "", List.of(), reload, description);
    }

    public static Option integer(String section, String name, long defaultValue, long min, long max,
                                 ReloadPolicy reload, String description) {
        return new Option(section, name, OptionType.INTEGER, Long.toString(defaultValue),
                List.of(Long.toString(min), Long.toString(max)), reload, description);
    }

    public static Option bool(String section, String name, boolean defaultValue, ReloadPolicy reload,
                              String description) {
        return new Option(section, name, OptionType.BOOLEAN, Boolean.toString(defaultValue), List.of(), reload,
                description);
    }

    public static Option oneOf(String section, String name, String defaultValue, List<String> values,
                               ReloadPolicy reload, String description) {
        return new Option(section, name, OptionType.ENUM, defaultValue, values, reload, description);
    }

    public static Option list(String section, String name, String defaultValue, ReloadPolicy reload,
                              String description) {
        return new Option(section, name, OptionType.LIST, defaultValue, List.of(), reload, description);
    }

    /** Whether {@code value} is acceptable; an empty value always is (it means "use the default"). */
    public boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String trimmed = value.trim();
        return switch (type) {
            case STRING, SECRET, LIST -> true;
            case BOOLEAN -> trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false");
            case ENUM -> validValues.stream().anyMatch(valid -> valid.equalsIgnoreCase(trimmed));
            case INTEGER -> inRange(trimmed);
        };
    }

    /** An option named {@code *} lets a section hold any key (service sections, lists of filters). */
    public boolean isWildcard() {
        return name.equals("*");
    }

    public boolean matchesSection(String candidate) {
        if (section.endsWith("*")) {
            return candidate.startsWith(section.substring(0, section.length() - 1));
        }
        return section.equals(candidate);
    }

    /** How the valid values read in a message or in {@code etc/gms.ini}. */
    public String describeValid() {
        return switch (type) {
            case BOOLEAN -> "true, false";
            case ENUM -> String.join(", ", validValues);
            case INTEGER -> validValues.get(0) + ".." + validValues.get(1);
            case LIST -> "comma-separated list";
            case STRING, SECRET -> "text";
        };
    }

    private boolean inRange(String value) {
        try {
            long number = Long.parseLong(value);
            return number >= Long.parseLong(validValues.get(0)) && number <= Long.parseLong(validValues.get(1));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
