package org.gms.callback.engine;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.gms.callback.api.CallbackNumberException;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.phone.PhoneNumbers;
import org.gms.core.error.BadRequestException;

/** The customer-number checks of a callback service, with the messages GMS gives. */
final class PhoneCheck {

    private PhoneCheck() {
    }

    static void check(ServiceOptions options, String number) {
        boolean premium = options.disallowPremium();
        boolean impossible = options.disallowImpossible();
        if (!premium && !impossible) {
            return;
        }
        String country = options.defaultCountry();
        if (country.isEmpty()) {
            String flag = premium ? "_disallow_premium_phone_numbers" : "_disallow_impossible_phone_numbers";
            throw new CallbackNumberException("Service option " + options.name()
                    + " / _default_country is not configured. But option " + flag
                    + " is set. We cannot validate phone numbers without knowing the country.");
        }
        PhoneNumber parsed;
        try {
            parsed = PhoneNumbers.parse(number, country);
        } catch (BadRequestException e) {
            if (impossible) {
                throw invalid(number);
            }
            return;
        }
        if (impossible && !PhoneNumbers.isPossible(parsed)) {
            throw invalid(number);
        }
        if (premium && PhoneNumbers.isPremium(parsed)) {
            throw new CallbackNumberException("Customer Number [" + number
                    + "] is disallowed, because it's a premium number. Check option _disallow_premium_phone_numbers");
        }
    }

    private static CallbackNumberException invalid(String number) {
        return new CallbackNumberException("Customer Number [" + number
                + "] is disallowed, because it is invalid. Check option _disallow_impossible_phone_numbers");
    }
}
