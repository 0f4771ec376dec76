package org.switchboard.surveys.results.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Question;
import org.switchboard.surveys.entity.Response;

/**
 * Every response of a survey, in any state, one row each: who, on which version, how far it got, then one column
 * per question code (all published versions: the latest's order, then questions only older ones ask). Answers are
 * written as stored — MULTIPLE as {@code a;b} — with SCALE and NUMBER answers as numbers and DATE answers as dates,
 * so a spreadsheet can sum and sort them.
 */
@ApplicationScoped
public class ResponseExport {

    public static final List<String> COLUMNS = List.of("response_id", "contact_id", "operator", "version", "state",
            "started_at", "ended_at");

    @Inject
    ResponseReader reader;

    public void write(long surveyId, TabularFormat format, OutputStream out, ZoneId zone) throws IOException {
        List<Question> questions = new VersionedQuestions(reader.publishedVersions(surveyId)).questions();
        Map<Long, Integer> versionNumbers = reader.versionNumbers(surveyId);
        List<String> header = new ArrayList<>(COLUMNS);
        questions.forEach(q -> header.add(q.code()));
        try (TabularWriter writer = TabularWriter.open(format, out, header, zone)) {
            long last = 0;
            while (true) {
                List<Response> page = reader.responses(surveyId, last);
                if (page.isEmpty()) {
                    break;
                }
                Map<Long, Map<String, String>> answers = reader.answers(page.stream().map(Response::getId).toList());
                for (Response r : page) {
                    List<Object> row = new ArrayList<>(Arrays.asList(r.getId(), r.getContactId(), r.getOperator(),
                            versionNumbers.get(r.getVersionId()), r.getState().name(), r.getStartedAt(), r.getEndedAt()));
                    Map<String, String> given = answers.getOrDefault(r.getId(), Map.of());
                    questions.forEach(q -> row.add(typed(q, given.get(q.code()))));
                    writer.row(row);
                }
                last = page.get(page.size() - 1).getId();
                reader.clear();
            }
        }
    }

    /** A stored answer as a cell: a number for SCALE and NUMBER, a date for DATE, else the text as stored. */
    static Object typed(Question q, String stored) {
        if (stored == null) {
            return null;
        }
        if (q.kind() == Kind.SCALE || q.kind() == Kind.NUMBER) {
            BigDecimal n = Values.number(stored);
            return n == null ? stored : n;
        }
        if (q.kind() == Kind.DATE) {
            try {
                return LocalDate.parse(stored.trim());
            } catch (DateTimeParseException e) {
                return stored;
            }
        }
        return stored;
    }
}
