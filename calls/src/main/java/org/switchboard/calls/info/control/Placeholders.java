package org.switchboard.calls.info.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of info e-mail templates: which names exist, what is wrong with a template's
 * placeholders, and filling them for one letter. Values are HTML-escaped in the HTML body and kept to one line in
 * the subject; a value the contact does not have (no company, no city) is filled in as nothing.
 */
public final class Placeholders {

    /** Every name a template may use, in the order the README lists them. */
    public static final List<String> KNOWN = List.of("contact.fullName", "contact.firstName", "contact.company",
            "contact.city", "contact.position", "contact.email", "campaign.name", "campaign.code",
            "operator.fullName", "date");

    /** How {@code {{date}}} is written: the way Russian letters write a date. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    // no \s* around the name: next to a lazy [^{}]*? they backtracked quadratically over a long run of spaces; the name
    // is trimmed where it is used instead
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    /** Where a filled value goes, which decides how it is written there. */
    public enum Target {
        SUBJECT, TEXT, HTML
    }

    /** What one letter's placeholders stand for; nulls are values the contact or operator does not have. */
    public record Values(String contactFullName, String contactCompany, String contactCity, String contactPosition,
            String contactEmail, String campaignName, String campaignCode, String operatorFullName, LocalDate date) {

        /** The first word of the full name, as the contact base keeps it. */
        public String contactFirstName() {
            if (contactFullName == null || contactFullName.isBlank()) {
                return null;
            }
            return contactFullName.strip().split("\\s+", 2)[0];
        }

        Map<String, String> byName() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("contact.fullName", contactFullName);
            values.put("contact.firstName", contactFirstName());
            values.put("contact.company", contactCompany);
            values.put("contact.city", contactCity);
            values.put("contact.position", contactPosition);
            values.put("contact.email", contactEmail);
            values.put("campaign.name", campaignName);
            values.put("campaign.code", campaignCode);
            values.put("operator.fullName", operatorFullName);
            values.put("date", date == null ? null : DATE.format(date));
            return values;
        }
    }

    /** A filled template: what the outbox gets. */
    public record Letter(String subject, String text, String html) {
    }

    private Placeholders() {
    }

    /**
     * What is wrong with the placeholders of one template text, one message per fault, naming the placeholder as
     * written: an unknown name (with the known name it probably meant, when only the case differs), or a
     * '{{' that is never closed. Empty when the text is fine or null.
     */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1).trim();
            if (!KNOWN.contains(name)) {
                String problem = "uses the unknown placeholder " + m.group();
                String meant = KNOWN.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
                problems.add(meant != null ? problem + " (did you mean {{" + meant + "}}?)"
                        : problem + "; known are " + knownList());
            }
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        int open = rest.indexOf("{{");
        if (open >= 0) {
            String near = rest.substring(open, Math.min(rest.length(), open + 30)).split("\\R", 2)[0];
            problems.add("has '{{' without a closing '}}' near '" + near + "'");
        }
        return problems;
    }

    /** The known names as a template writes them. */
    public static String knownList() {
        return String.join(", ", KNOWN.stream().map(k -> "{{" + k + "}}").toList());
    }

    /** Fills the template's three texts for one letter; a null HTML body stays null. */
    public static Letter fill(String subject, String text, String html, Values values) {
        Map<String, String> byName = values.byName();
        return new Letter(fill(subject, byName, Target.SUBJECT).strip(), fill(text, byName, Target.TEXT),
                html == null ? null : fill(html, byName, Target.HTML));
    }

    static String fill(String template, Map<String, String> values, Target target) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1).trim();
            // a name saved before it was known cannot happen (saving checks), but if it does the text shows it
            String value = values.containsKey(name) ? written(values.get(name), target) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String written(String value, Target target) {
        if (value == null) {
            return "";
        }
        return switch (target) {
            // a subject is one header line: a stray line break in a contact's field must not split it
            case SUBJECT -> value.replaceAll("\\p{Cntrl}+", " ");
            case TEXT -> value;
            case HTML -> escapeHtml(value);
        };
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
