package org.switchboard.leads.control;

import org.switchboard.core.phones.PhoneNumbers;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.core.errors.Problem;
import org.switchboard.leads.boundary.ContactInput;

/**
 * Checks and normalises what people write about a contact, field by field, collecting every problem
 * (so a form or an import row reports all of them at once). Lookups that need the database (company,
 * campaign, owner) are the caller's.
 */
public final class ContactRules {

    public static final Set<String> KINDS = Set.of("mobile", "work", "home");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private ContactRules() {
    }

    /** Phones in E.164 → kind, in the order given, duplicates folded. */
    public static Map<String, String> phones(List<ContactInput.PhoneInput> phones, List<Problem.Violation> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (phones == null) {
            return result;
        }
        for (int i = 0; i < phones.size(); i++) {
            ContactInput.PhoneInput phone = phones.get(i);
            if (phone == null || phone.number() == null || phone.number().isBlank()) {
                problems.add(new Problem.Violation("phones[" + i + "].number", "is required"));
                continue;
            }
            try {
                String e164 = PhoneNumbers.toE164(phone.number());
                String kind = phone.kind() == null || phone.kind().isBlank() ? PhoneNumbers.likelyKind(e164)
                        : phone.kind().trim().toLowerCase(Locale.ROOT);
                if (!KINDS.contains(kind)) {
                    problems.add(new Problem.Violation("phones[" + i + "].kind", "must be mobile, work or home"));
                    continue;
                }
                result.putIfAbsent(e164, kind);
            } catch (PhoneNumbers.InvalidNumber e) {
                problems.add(new Problem.Violation("phones[" + i + "].number", e.getMessage()));
            }
        }
        return result;
    }

    public static Set<String> emails(List<String> emails, List<Problem.Violation> problems) {
        Set<String> result = new LinkedHashSet<>();
        if (emails == null) {
            return result;
        }
        for (int i = 0; i < emails.size(); i++) {
            String email = SearchKeys.email(emails.get(i));
            if (email == null || email.isEmpty()) {
                continue;
            }
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem.Violation("emails[" + i + "]", "'" + emails.get(i) + "' is not an e-mail address"));
            } else {
                result.add(email);
            }
        }
        return result;
    }

    public static Set<String> tags(List<String> tags, List<Problem.Violation> problems) {
        Set<String> result = new LinkedHashSet<>();
        if (tags == null) {
            return result;
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = SearchKeys.tag(tags.get(i));
            if (tag == null || tag.isEmpty()) {
                continue;
            }
            if (tag.length() > 100) {
                problems.add(new Problem.Violation("tags[" + i + "]", "must be at most 100 characters long"));
            } else {
                result.add(tag);
            }
        }
        return result;
    }

    public static ZoneId zone(String zone, List<Problem.Violation> problems) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            problems.add(new Problem.Violation("timeZone", "is not a time zone; use an IANA name such as Asia/Yekaterinburg"));
            return null;
        }
    }

    public static void birthday(LocalDate birthday, List<Problem.Violation> problems) {
        if (birthday != null && (birthday.isAfter(LocalDate.now()) || birthday.getYear() < 1900)) {
            problems.add(new Problem.Violation("birthday", "must be a past date after 1900"));
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static List<Problem.Violation> newProblems() {
        return new ArrayList<>();
    }
}
