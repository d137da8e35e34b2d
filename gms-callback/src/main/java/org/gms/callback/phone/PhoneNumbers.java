package org.gms.callback.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gms.core.error.BadRequestException;

/**
 * Phone number parsing and validation with libphonenumber, for the phone-number API and the callback checks
 * (premium and impossible numbers).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

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
     * The fields of {@code GET /genesys/1/phonenumber}, in the order GMS prints them. Geocoding, carrier and time-zone
     * fields need libphonenumber's geocoder and carrier data, which this build does not ship.
     */
    public static Map<String, Object> describe(String number, String country, String languageCode) {
        PhoneNumber parsed = parse(number, country);
        String region = UTIL.getRegionCodeForNumber(parsed);
        String defaultCountry = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("country-code", parsed.getCountryCode());
        fields.put("country-code-source", parsed.getCountryCodeSource().name());
        fields.put("country-default", defaultCountry);
        fields.put("extension", parsed.getExtension());
        fields.put("is-possible-number", UTIL.isPossibleNumber(parsed));
        fields.put("is-premium", isPremium(parsed));
        fields.put("is-valid-number", UTIL.isValidNumber(parsed));
        fields.put("is-valid-number-for-region", !defaultCountry.isEmpty()
                && UTIL.isValidNumberForRegion(parsed, defaultCountry));
        fields.put("italian-leading-zero", parsed.isItalianLeadingZero());
        fields.put("language-specified", languageCode == null || languageCode.isBlank() ? ""
                : languageCode.trim().toLowerCase(Locale.ROOT));
        fields.put("number-E164", UTIL.format(parsed, PhoneNumberFormat.E164));
        fields.put("number-international", UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL));
        fields.put("number-national", UTIL.format(parsed, PhoneNumberFormat.NATIONAL));
        fields.put("number-national-short", parsed.getNationalNumber());
        fields.put("number-original", UTIL.formatInOriginalFormat(parsed, defaultCountry.isEmpty() ? "ZZ"
                : defaultCountry));
        fields.put("number-specified", number);
        fields.put("number-type", UTIL.getNumberType(parsed).name());
        fields.put("region-code", region == null ? "ZZ" : region);
        return fields;
    }
}
