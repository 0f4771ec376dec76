package org.switchboard.core.privacy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The person a request is about: the contact and every name, number and e-mail address it has or had (its audit
 * history included), gathered by the contacts module; modules that keep numbers or addresses without a contact id
 * (outbox mail, dial counts, the tamper trail) find the person's rows through them.
 *
 * @param contactId the contact
 * @param names     full names the contact had
 * @param numbers   phone numbers in E.164 ({@code +79211234567})
 * @param emails    e-mail addresses, lower case
 * @param texts     free texts modules keep about the person (see {@link PersonalData#texts}); empty until gathered
 */
public record DataSubject(long contactId, Set<String> names, Set<String> numbers, Set<String> emails, Set<String> texts) {

    /** Shorter texts are too likely to occur in unrelated text to be cut out of it by their value. */
    public static final int MIN_TEXT_LENGTH = 4;

    public DataSubject {
        names = Set.copyOf(names);
        numbers = Set.copyOf(numbers);
        emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        texts = Set.copyOf(texts);
    }

    public DataSubject withTexts(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(texts);
        more.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(all::add);
        return new DataSubject(contactId, names, numbers, emails, all);
    }

    /**
     * Every form a number of the person is written in by people and PBXs: E.164, its digits, and the national
     * forms with 8 and without a trunk prefix (Russian numbers), e.g. {@code +79211234567}, {@code 79211234567},
     * {@code 89211234567}, {@code 9211234567}.
     */
    public Set<String> numberForms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String number : numbers) {
            forms.add(number);
            String digits = number.replaceAll("\\D", "");
            forms.add(digits);
            if (digits.startsWith("7") && digits.length() == 11) {
                forms.add("8" + digits.substring(1));
                forms.add(digits.substring(1));
            }
        }
        return forms;
    }

    /**
     * Every value that identifies the person or that a module said it keeps about them, longest first (so a
     * longer value is cut out before a shorter one inside it): the texts to remove from copies.
     */
    public java.util.List<String> markers() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(names);
        all.addAll(numberForms());
        all.addAll(emails);
        all.addAll(texts);
        return all.stream().filter(m -> m != null && m.strip().length() >= MIN_TEXT_LENGTH)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }
}
