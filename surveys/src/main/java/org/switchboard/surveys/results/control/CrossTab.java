package org.switchboard.surveys.results.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.surveys.control.Contacts;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;

/**
 * Completed interviews counted by the answers to two questions (SINGLE, MULTIPLE or SCALE) or a question and a
 * contact attribute ({@code attribute:city}). An interview counts when it has a value on both sides; a MULTIPLE
 * answer counts in the cell of each option it names. Row and column totals count interviews, not cells: an
 * interview that named two options of a MULTIPLE row counts once in each of those rows' totals and once in the
 * column total.
 */
public final class CrossTab {

    public static final String ATTRIBUTE = "attribute:";

    public record Table(String row, String column, List<String> rows, List<String> columns, List<List<Long>> cells,
            List<Long> rowTotals, List<Long> columnTotals, long total) {
    }

    /** One side of the table: what a completed interview gives on it, and the values known beforehand. */
    private record Side(String name, Question question, String attribute, List<String> known) {

        Side(String name, Question question, String attribute) {
            this(name, question, attribute, known(question));
        }

        List<String> values(VersionedQuestions questions, Completed response) {
            if (attribute != null) {
                String value = response.attributes().get(attribute);
                return value == null || value.isBlank() ? List.of() : List.of(value);
            }
            if (!questions.asks(response.versionId(), question.code())) {
                return List.of();
            }
            return Values.options(question, response.answer(question.code()));
        }

        private static List<String> known(Question question) {
            List<String> known = new ArrayList<>();
            if (question != null && question.kind() == Kind.SCALE && question.min() != null && question.max() != null) {
                for (int point = question.min().intValue(); point <= question.max().intValue(); point++) {
                    known.add(String.valueOf(point));
                }
            } else if (question != null) {
                question.optionList().stream().map(Option::code).forEach(known::add);
            }
            return List.copyOf(known);
        }
    }

    private final VersionedQuestions questions;
    private final Side row;
    private final Side column;
    private final Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
    private final Map<String, Long> rowTotals = new LinkedHashMap<>();
    private final Map<String, Long> columnTotals = new LinkedHashMap<>();
    private final List<String> extraRows = new ArrayList<>();
    private final List<String> extraColumns = new ArrayList<>();
    private long total;

    /** Refuses (400) a side that is no question of the survey, a NUMBER, DATE or TEXT question, or no attribute. */
    public CrossTab(VersionedQuestions questions, String row, String column) {
        this.questions = questions;
        this.row = side(questions, "row", row);
        this.column = side(questions, "column", column);
    }

    private static Side side(VersionedQuestions questions, String parameter, String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid(parameter, "is required: a question code, or attribute:"
                    + String.join("|attribute:", Contacts.ATTRIBUTES));
        }
        String trimmed = name.trim();
        if (trimmed.startsWith(ATTRIBUTE)) {
            String attribute = trimmed.substring(ATTRIBUTE.length());
            if (!Contacts.ATTRIBUTES.contains(attribute)) {
                throw ProblemException.invalid(parameter, "names no contact attribute: '" + attribute + "'; use one of "
                        + Contacts.ATTRIBUTES);
            }
            return new Side(trimmed, null, attribute);
        }
        Question question = questions.question(trimmed);
        if (question == null) {
            throw ProblemException.invalid(parameter, "names no question of this survey: '" + trimmed + "'");
        }
        if (question.kind() != Kind.SINGLE && question.kind() != Kind.MULTIPLE && question.kind() != Kind.SCALE) {
            throw ProblemException.invalid(parameter, "question " + trimmed + " is " + question.kind()
                    + "; a cross-tab takes SINGLE, MULTIPLE or SCALE questions or a contact attribute");
        }
        return new Side(trimmed, question, null);
    }

    public static Table of(List<Version> versions, String row, String column, Iterable<Completed> completed) {
        CrossTab tab = new CrossTab(new VersionedQuestions(versions), row, column);
        completed.forEach(tab::add);
        return tab.table();
    }

    /** Whether the table reads contact attributes (so the caller needs to load contacts). */
    public boolean needsAttributes() {
        return row.attribute() != null || column.attribute() != null;
    }

    public void add(Completed response) {
        List<String> rowValues = row.values(questions, response);
        List<String> columnValues = column.values(questions, response);
        if (rowValues.isEmpty() || columnValues.isEmpty()) {
            return;
        }
        total++;
        for (String r : rowValues) {
            note(r, row, extraRows);
            rowTotals.merge(r, 1L, Long::sum);
            for (String c : columnValues) {
                cells.computeIfAbsent(r, k -> new LinkedHashMap<>()).merge(c, 1L, Long::sum);
            }
        }
        for (String c : columnValues) {
            note(c, column, extraColumns);
            columnTotals.merge(c, 1L, Long::sum);
        }
    }

    private static void note(String value, Side side, List<String> extras) {
        if (!side.known().contains(value) && !extras.contains(value)) {
            extras.add(value);
        }
    }

    public Table table() {
        List<String> rows = order(row, extraRows);
        List<String> columns = order(column, extraColumns);
        List<List<Long>> matrix = new ArrayList<>();
        for (String r : rows) {
            Map<String, Long> line = cells.getOrDefault(r, Map.of());
            matrix.add(columns.stream().map(c -> line.getOrDefault(c, 0L)).toList());
        }
        return new Table(row.name(), column.name(), rows, columns, matrix,
                rows.stream().map(r -> rowTotals.getOrDefault(r, 0L)).toList(),
                columns.stream().map(c -> columnTotals.getOrDefault(c, 0L)).toList(), total);
    }

    /** Options or scale points in their order, then values seen that are none of them (attributes: sorted). */
    private static List<String> order(Side side, List<String> extras) {
        List<String> values = new ArrayList<>(side.known());
        if (side.attribute() != null) {
            values.addAll(new TreeSet<>(extras));
        } else {
            values.addAll(extras);
        }
        return values;
    }
}
