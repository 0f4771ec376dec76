package org.switchboard.surveys.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.core.limits.Decimals;
import org.switchboard.core.limits.Limits;
import org.switchboard.core.errors.Problem;

/**
 * A questionnaire as marketers write it and operators read it out: questions in order, each of a kind, with options
 * and branches; quotas. Plain logic: {@link #problems()} says what is wrong with it (a branch to a missing question,
 * a loop, an option twice…), {@link #check} whether an answer fits its question, {@link #next} where the interview
 * goes after an answer — by the first matching branch, else the next question in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Questionnaire(List<Question> questions, List<Quota> quotas, Integer targetCompletes) {

    public static final String END = "END";
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    public enum Kind {
        SINGLE, MULTIPLE, SCALE, NUMBER, DATE, TEXT
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String code, String text, Kind kind, Boolean required, List<Option> options, BigDecimal min,
            BigDecimal max, List<Branch> branches) {

        /** Whether an answer is required (the default). */
        public boolean mandatory() {
            return required == null || required;
        }

        public List<Option> optionList() {
            return options == null ? List.of() : options;
        }

        public List<Branch> branchList() {
            return branches == null ? List.of() : branches;
        }

        /** A 0–10 scale: the one NPS is computed on. */
        public boolean nps() {
            return kind == Kind.SCALE && min != null && max != null && min.intValue() == 0 && max.intValue() == 10;
        }
    }

    public record Option(String code, String text) {
    }

    /** When the answer is {@code answer} (an option code, or the value as written) go to {@code goTo} or END. */
    public record Branch(String answer, String goTo) {
    }

    /**
     * A quota: a limit on completes, either those that answered {@code question} with {@code answer}, or those whose
     * contact has {@code attribute} (e.g. {@code city}) equal to {@code value}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quota(String code, String name, Integer limit, String question, String answer, String attribute,
            String value) {
    }

    public List<Question> questionList() {
        return questions == null ? List.of() : questions;
    }

    public List<Quota> quotaList() {
        return quotas == null ? List.of() : quotas;
    }

    public Question question(String code) {
        return questionList().stream().filter(q -> q.code().equals(code)).findFirst().orElse(null);
    }

    public Question first() {
        return questionList().isEmpty() ? null : questionList().get(0);
    }

    /** Everything wrong with the questionnaire, field by field; empty when it can be published. */
    public List<Problem.Violation> problems() {
        List<Problem.Violation> problems = new ArrayList<>();
        List<Question> list = questionList();
        if (list.isEmpty()) {
            problems.add(new Problem.Violation("questions", "add at least one question"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Question q = list.get(i);
            String at = "questions[" + i + "]";
            if (q == null) {
                problems.add(new Problem.Violation(at, "is empty"));
                continue;
            }
            if (q.code() == null || !CODE.matcher(q.code()).matches() || q.code().equalsIgnoreCase(END)) {
                problems.add(new Problem.Violation(at + ".code", "must be 1-40 letters, digits, '_', '.' or '-' starting"
                        + " with a letter, and not END"));
            } else if (!codes.add(q.code())) {
                problems.add(new Problem.Violation(at + ".code", "'" + q.code() + "' is used by another question"));
            }
            if (q.text() == null || q.text().isBlank()) {
                problems.add(new Problem.Violation(at + ".text", "is required: what the operator reads out"));
            }
            if (q.kind() == null) {
                problems.add(new Problem.Violation(at + ".kind", "is required: SINGLE, MULTIPLE, SCALE, NUMBER, DATE or TEXT"));
                continue;
            }
            boolean choice = q.kind() == Kind.SINGLE || q.kind() == Kind.MULTIPLE;
            if (choice && q.optionList().size() < 2) {
                problems.add(new Problem.Violation(at + ".options", "a choice needs at least two options"));
            }
            if (!choice && !q.optionList().isEmpty()) {
                problems.add(new Problem.Violation(at + ".options", "only SINGLE and MULTIPLE questions have options"));
            }
            Set<String> optionCodes = new HashSet<>();
            for (int j = 0; j < q.optionList().size(); j++) {
                Option o = q.optionList().get(j);
                if (o == null || o.code() == null || o.code().isBlank() || o.text() == null || o.text().isBlank()) {
                    problems.add(new Problem.Violation(at + ".options[" + j + "]", "needs a code and a text"));
                } else if (!optionCodes.add(o.code())) {
                    problems.add(new Problem.Violation(at + ".options[" + j + "].code", "'" + o.code() + "' is used twice"));
                }
            }
            if (q.kind() == Kind.SCALE) {
                if (q.min() == null || q.max() == null || !isWhole(q.min()) || !isWhole(q.max())
                        || q.min().compareTo(q.max()) >= 0 || q.max().subtract(q.min()).intValue() > 10) {
                    problems.add(new Problem.Violation(at + ".max", "a scale needs whole min < max, at most 11 points"
                            + " (1–5, 1–10, 0–10 for NPS)"));
                }
            }
            if (q.kind() == Kind.NUMBER && q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
                problems.add(new Problem.Violation(at + ".max", "is below min"));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            Question q = list.get(i);
            if (q == null) {
                continue;
            }
            for (int j = 0; j < q.branchList().size(); j++) {
                Branch b = q.branchList().get(j);
                String at = "questions[" + i + "].branches[" + j + "]";
                if (b == null || b.goTo() == null || b.goTo().isBlank()) {
                    problems.add(new Problem.Violation(at + ".goTo", "is required: a question code or END"));
                    continue;
                }
                if (!b.goTo().equals(END) && !codes.contains(b.goTo())) {
                    problems.add(new Problem.Violation(at + ".goTo", "names no question: '" + b.goTo() + "'"));
                }
                if (b.answer() == null || b.answer().isBlank()) {
                    problems.add(new Problem.Violation(at + ".answer", "is required: the answer that takes this way"));
                } else if (q.kind() != null && (q.kind() == Kind.SINGLE || q.kind() == Kind.MULTIPLE)
                        && q.optionList().stream().filter(Objects::nonNull).noneMatch(o -> b.answer().equals(o.code()))) {
                    problems.add(new Problem.Violation(at + ".answer", "is not an option of " + q.code() + ": '"
                            + b.answer() + "'"));
                }
            }
        }
        if (problems.isEmpty()) {
            String loop = loop();
            if (loop != null) {
                problems.add(new Problem.Violation("questions", "the branches make a loop: " + loop
                        + "; a branch may only go forward"));
            }
        }
        for (int i = 0; i < quotaList().size(); i++) {
            Quota quota = quotaList().get(i);
            String at = "quotas[" + i + "]";
            if (quota == null || quota.code() == null || quota.code().isBlank()) {
                problems.add(new Problem.Violation(at + ".code", "is required"));
                continue;
            }
            if (quota.limit() == null || quota.limit() < 1) {
                problems.add(new Problem.Violation(at + ".limit", "is required: completes allowed, 1 or more"));
            }
            boolean byAnswer = quota.question() != null;
            boolean byAttribute = quota.attribute() != null;
            if (byAnswer == byAttribute) {
                problems.add(new Problem.Violation(at, "give either question and answer, or attribute and value"));
            } else if (byAnswer) {
                Question q = question(quota.question());
                if (q == null) {
                    problems.add(new Problem.Violation(at + ".question", "names no question: '" + quota.question() + "'"));
                } else if (quota.answer() == null || check(q, quota.answer()) != null) {
                    problems.add(new Problem.Violation(at + ".answer", "is not an answer to " + q.code()));
                }
            } else if (!Contacts.ATTRIBUTES.contains(quota.attribute()) || quota.value() == null) {
                problems.add(new Problem.Violation(at + ".attribute", "must be one of " + Contacts.ATTRIBUTES
                        + ", with a value"));
            }
        }
        if (targetCompletes != null && targetCompletes < 1) {
            problems.add(new Problem.Violation("targetCompletes", "must be 1 or more"));
        }
        return problems;
    }

    /** The first cycle through branches and the order of questions, as {@code A → B → A}; null when there is none. */
    String loop() {
        Map<String, List<String>> edges = new HashMap<>();
        List<Question> list = questionList();
        for (int i = 0; i < list.size(); i++) {
            Set<String> to = new LinkedHashSet<>();
            Question q = list.get(i);
            q.branchList().forEach(b -> to.add(b.goTo()));
            // the way "in order" is taken by every answer without a branch
            if (i + 1 < list.size()) {
                to.add(list.get(i + 1).code());
            }
            to.remove(END);
            edges.put(q.code(), new ArrayList<>(to));
        }
        Map<String, Integer> state = new HashMap<>();
        for (Question q : list) {
            List<String> path = new ArrayList<>();
            String found = visit(q.code(), edges, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String node, Map<String, List<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        path.add(node);
        if (s != null && s == 1) {
            return String.join(" → ", path.subList(path.indexOf(node), path.size()));
        }
        state.put(node, 1);
        for (String next : edges.getOrDefault(node, List.of())) {
            String found = visit(next, edges, state, path);
            if (found != null) {
                return found;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return null;
    }

    /**
     * Whether {@code value} answers {@code q}: null when it does, else what is wrong. Values: an option code
     * (SINGLE), a list of codes (MULTIPLE), a number (SCALE, NUMBER), a date YYYY-MM-DD (DATE), text (TEXT). A blank
     * or missing value skips an optional question.
     */
    public static String check(Question q, Object value) {
        if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty())) {
            return q.mandatory() ? "is required: this question must be answered" : null;
        }
        switch (q.kind()) {
            case SINGLE -> {
                String code = value.toString().trim();
                return hasOption(q, code) ? null : "is not an option of " + q.code() + ": '" + code + "'; options: "
                        + q.optionList().stream().map(Option::code).toList();
            }
            case MULTIPLE -> {
                List<?> codes = value instanceof List<?> l ? l : List.of(value.toString().split(";"));
                Set<String> seen = new HashSet<>();
                for (Object c : codes) {
                    String code = String.valueOf(c).trim();
                    if (!hasOption(q, code)) {
                        return "is not an option of " + q.code() + ": '" + code + "'";
                    }
                    if (!seen.add(code)) {
                        return "names '" + code + "' twice";
                    }
                }
                return null;
            }
            case SCALE, NUMBER -> {
                BigDecimal number;
                try {
                    number = Decimals.parse(value.toString());
                } catch (Decimals.OutOfBounds e) {
                    return e.getMessage();
                } catch (NumberFormatException e) {
                    return "must be a number";
                }
                if (q.kind() == Kind.SCALE && !isWhole(number)) {
                    return "must be a whole number on the scale " + q.min() + "–" + q.max();
                }
                if ((q.min() != null && number.compareTo(q.min()) < 0) || (q.max() != null && number.compareTo(q.max()) > 0)) {
                    return "must be between " + (q.min() == null ? "…" : q.min().toPlainString()) + " and "
                            + (q.max() == null ? "…" : q.max().toPlainString());
                }
                return null;
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.toString().trim());
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be a date, YYYY-MM-DD";
                }
            }
            case TEXT -> {
                return value.toString().length() > 4000 ? "must be at most 4000 characters long" : null;
            }
            default -> throw new IllegalStateException(q.kind().name());
        }
    }

    /** The answer as stored: option codes joined by ';', a number in plain notation, the date or the text. */
    public static String canonical(Question q, Object value) {
        if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        return switch (q.kind()) {
            case MULTIPLE -> String.join(";", (value instanceof List<?> l ? l.stream().map(o -> String.valueOf(o).trim())
                    .toList() : List.of(value.toString().split(";"))).stream().map(String::trim).toList());
            case SCALE, NUMBER -> number(value).stripTrailingZeros().toPlainString();
            case DATE -> LocalDate.parse(value.toString().trim()).toString();
            default -> value.toString().trim();
        };
    }

    /**
     * The question after {@code q} answered {@code canonical}: the first branch whose answer matches (for MULTIPLE,
     * any chosen option), else the next question in order; null at the end.
     */
    public Question next(Question q, String canonical) {
        if (canonical != null) {
            Set<String> given = q.kind() == Kind.MULTIPLE ? Set.of(canonical.split(";")) : Set.of(canonical);
            for (Branch b : q.branchList()) {
                if (given.contains(b.answer()) || matchesNumber(q, b.answer(), canonical)) {
                    return b.goTo().equals(END) ? null : question(b.goTo());
                }
            }
        }
        int at = questionList().indexOf(q);
        return at + 1 < questionList().size() ? questionList().get(at + 1) : null;
    }

    private static boolean matchesNumber(Question q, String answer, String canonical) {
        if (q.kind() != Kind.SCALE && q.kind() != Kind.NUMBER) {
            return false;
        }
        BigDecimal a = number(answer);
        BigDecimal b = number(canonical);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static boolean hasOption(Question q, String code) {
        return q.optionList().stream().anyMatch(o -> o.code().equals(code));
    }

    /**
     * The answer as a number, or null when it is none — or one out of bounds ({@link Decimals}): more than
     * {@value Limits#NUMBER_CHARS} characters or an exponent beyond ±{@value Limits#NUMBER_SCALE}. Checked before a
     * {@code BigDecimal} is made, compared or printed: {@code 1e-300000000} would otherwise pass the range check and
     * then take hundreds of megabytes to write in plain notation.
     */
    static BigDecimal number(Object value) {
        try {
            return Decimals.parse(value instanceof Number n ? n.toString() : value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWhole(BigDecimal n) {
        return n.stripTrailingZeros().scale() <= 0;
    }

    public static String normalizeKind(String kind) {
        return kind == null ? null : kind.trim().toUpperCase(Locale.ROOT);
    }
}
