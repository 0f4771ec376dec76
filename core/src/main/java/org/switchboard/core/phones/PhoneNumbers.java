package org.switchboard.core.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Phone numbers as people write them ({@code 8 (812) 448-34-54}, {@code +7 812 448 34 54},
 * {@code 812-448-3454}) turned into E.164 ({@code +78124483454}) with libphonenumber; Russia is the
 * default region. E.164 is the only form stored and searched, so every written form finds the same contact.
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "RU";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** A number that cannot be a real phone number, with the reason. */
    public static final class InvalidNumber extends IllegalArgumentException {
        public InvalidNumber(String message) {
            super(message);
        }
    }

    /** E.164 of a written number, or {@link InvalidNumber} saying why it is not one. */
    public static String toE164(String written) {
        if (written == null || written.isBlank()) {
            throw new InvalidNumber("is empty");
        }
        PhoneNumber number = parse(written);
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidNumber("'" + written.trim() + "' is not a valid phone number");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** E.164 when the text is a valid number, empty otherwise (for searches, which must not fail). */
    public static Optional<String> tryE164(String written) {
        try {
            return Optional.of(toE164(written));
        } catch (InvalidNumber e) {
            return Optional.empty();
        }
    }

    /** The kind libphonenumber sees in a number: mobile, or a fixed line (work). */
    public static String likelyKind(String e164) {
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(parse(e164));
        return type == PhoneNumberUtil.PhoneNumberType.MOBILE ? "mobile" : "work";
    }

    /**
     * The time zone of a number's area, when it has exactly one. Russian mobile numbers are not tied to a
     * region, so they have none and the contact's zone must be set by hand (or stays unknown).
     */
    public static Optional<ZoneId> timeZone(String e164) {
        List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parse(e164));
        if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(zones.get(0)));
    }

    /** The number written for people: {@code +7 812 448-34-54}. */
    public static String international(String e164) {
        return UTIL.format(parse(e164), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    private static PhoneNumber parse(String written) {
        try {
            return UTIL.parse(written.trim(), DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new InvalidNumber("'" + written.trim() + "' is not a phone number (" + reason(e) + ")");
        }
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
