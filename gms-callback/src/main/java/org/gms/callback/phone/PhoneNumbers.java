package org.gms.callback.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gms.core.error.BadRequestException;

/**
 * Phone number parsing and validation with libphonenumber, for the phone-number API and the callback checks
 * (premium and impossible numbers).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** {@code language-specified} when the request sends no {@code geocodingLocale}, as GMS answers. */
    static final String DEFAULT_LANGUAGE = "en";

    private PhoneNumbers() {
    }

    /**
     * Parses {@code number}, read as a national number of {@code country} unless it starts with {@code +}.
     *
     * @throws BadRequestException when it cannot be parsed, with the GMS message
     */
    public static PhoneNumber parse(String number, String country) {
        String region = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        try {
            return UTIL.parseAndKeepRawInput(number == null ? "" : number, region.isEmpty() ? null : region);
        } catch (NumberParseException e) {
            throw new BadRequestException("Invalid Phone Number " + number + " for Country " + region
                    + " (parsing impossible)");
        }
    }

    public static boolean isPremium(PhoneNumber number) {
        return UTIL.getNumberType(number) == PhoneNumberType.PREMIUM_RATE;
    }

    public static boolean isPossible(PhoneNumber number) {
        return UTIL.isPossibleNumber(number);
    }

    /**
     * The fields of {@code GET /genesys/1/phonenumber}, in the order GMS prints them. {@code carrier} and the
     * {@code location} of numbers tied to an area need libphonenumber's carrier and geocoder data, which this build
     * does not ship: those fields are left out rather than guessed.
     *
     * @param languageCode {@code geocodingLocale}, the language of {@code location}; absent or blank: {@code en}
     */
    public static Map<String, Object> describe(String number, String country, String languageCode) {
        PhoneNumber parsed = parse(number, country);
        String region = UTIL.getRegionCodeForNumber(parsed);
        String defaultCountry = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        String language = languageCode == null || languageCode.isBlank() ? DEFAULT_LANGUAGE
                : languageCode.trim().toLowerCase(Locale.ROOT);
        PhoneNumberType type = UTIL.getNumberType(parsed);
        boolean valid = UTIL.isValidNumber(parsed);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("country-code", parsed.getCountryCode());
        fields.put("country-code-source", parsed.getCountryCodeSource().name());
        fields.put("country-default", defaultCountry);
        fields.put("extension", parsed.getExtension());
        fields.put("is-possible-number", UTIL.isPossibleNumber(parsed));
        fields.put("is-premium", isPremium(parsed));
        fields.put("is-valid-number", valid);
        fields.put("is-valid-number-for-region", !defaultCountry.isEmpty()
                && UTIL.isValidNumberForRegion(parsed, defaultCountry));
        fields.put("italian-leading-zero", parsed.isItalianLeadingZero());
        fields.put("language-specified", language);
        countryLocation(parsed, type, language).ifPresent(location -> fields.put("location", location));
        fields.put("number-E164", UTIL.format(parsed, PhoneNumberFormat.E164));
        fields.put("number-international", UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL));
        fields.put("number-national", UTIL.format(parsed, PhoneNumberFormat.NATIONAL));
        fields.put("number-national-short", parsed.getNationalNumber());
        fields.put("number-original", UTIL.formatInOriginalFormat(parsed, defaultCountry.isEmpty() ? "ZZ"
                : defaultCountry));
        fields.put("number-specified", number);
        fields.put("number-type", type.name());
        fields.put("region-code", region == null ? "ZZ" : region);
        if (valid) {
            RegionTimeZones.of(region).ifPresent(zone -> fields.put("time-zone", zone));
        }
        return fields;
    }

    /**
     * The location of a valid number whose type is not tied to an area (a mobile number in most countries, a
     * toll-free or shared-cost one): the name of its country in {@code language}, as libphonenumber's geocoder
     * gives it. Empty for a number tied to an area (its place needs the geocoder's data), an invalid one, and one
     * valid in no single country.
     */
    static Optional<String> countryLocation(PhoneNumber number, PhoneNumberType type, String language) {
        if (type == PhoneNumberType.UNKNOWN || UTIL.isNumberGeographical(type, number.getCountryCode())) {
            return Optional.empty();
        }
        List<String> regions = UTIL.getRegionCodesForCountryCode(number.getCountryCode());
        String country = null;
        if (regions.size() == 1) {
            country = regions.get(0);
        } else {
            for (String candidate : regions) {
                if (UTIL.isValidNumberForRegion(number, candidate)) {
                    if (country != null) {
                        return Optional.empty();
                    }
                    country = candidate;
                }
            }
        }
        if (country == null || !country.matches("[A-Z]{2}")) {
            return Optional.empty();
        }
        String name = new Locale("", country).getDisplayCountry(Locale.forLanguageTag(language.replace('_', '-')));
        return name.isBlank() || name.equals(country) ? Optional.empty() : Optional.of(name);
    }
}
