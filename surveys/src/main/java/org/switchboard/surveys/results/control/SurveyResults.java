package org.switchboard.surveys.results.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;
import org.switchboard.surveys.control.Questionnaire.Quota;

/**
 * The figures of a survey over its completed interviews, fed one interview at a time so that memory grows with the
 * number of distinct answers, not of interviews. Per question: how many answered it (of the interviews whose
 * version asks it), counts and percentages of those who answered by option (SINGLE, MULTIPLE — which may sum
 * over 100 %) or scale point, mean and median of SCALE and NUMBER, NPS on a 0–10 scale, and for NUMBER how often each
 * number came (so that a histogram can be drawn of it). Per quota of the latest
 * version: the completes that fall into it, counted as the interviews count them when they close a quota.
 */
public final class SurveyResults {

    public record QuotaFigures(String code, String name, Integer limit, long completes, boolean full) {
    }

    /** Promoters answer 9–10, passives 7–8, detractors 0–6; score = % promoters − % detractors. */
    public record Nps(long promoters, long passives, long detractors, BigDecimal score) {
    }

    /**
     * A question's figures; what does not apply to its kind is left out. {@code distribution} (NUMBER only): each
     * number given, in plain notation and ascending order, with how many gave it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionFigures(String code, String text, Kind kind, long answered, Map<String, Long> counts,
            Map<String, BigDecimal> percentages, BigDecimal mean, BigDecimal median, Nps nps,
            Map<String, Long> distribution) {
    }

    private final VersionedQuestions questions;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Quota> quotas;
    private final long[] quotaCompletes;
    private long completes;

    public SurveyResults(VersionedQuestions questions) {
        this.questions = questions;
        questions.questions().forEach(q -> tallies.put(q.code(), new Tally(q)));
        Questionnaire latest = questions.latest();
        this.quotas = latest == null ? List.of() : latest.quotaList();
        this.quotaCompletes = new long[quotas.size()];
    }

    /** The figures of {@code completed} interviews given on {@code versions}. */
    public static SurveyResults of(List<Version> versions, Iterable<Completed> completed) {
        SurveyResults results = new SurveyResults(new VersionedQuestions(versions));
        completed.forEach(results::add);
        return results;
    }

    public void add(Completed response) {
        completes++;
        for (Tally tally : tallies.values()) {
            if (questions.asks(response.versionId(), tally.question.code())) {
                tally.add(response.answer(tally.question.code()));
            }
        }
        for (int i = 0; i < quotas.size(); i++) {
            if (fallsInto(quotas.get(i), response)) {
                quotaCompletes[i]++;
            }
        }
    }

    private boolean fallsInto(Quota quota, Completed response) {
        if (quota.question() != null) {
            return Values.includes(questions.question(quota.question()), response.answer(quota.question()), quota.answer());
        }
        // as the interviews count it when they close a quota: the attribute's value regardless of case
        return quota.attribute() != null && quota.value() != null
                && quota.value().equalsIgnoreCase(response.attributes().get(quota.attribute()));
    }

    public long completes() {
        return completes;
    }

    public Integer targetCompletes() {
        Questionnaire latest = questions.latest();
        return latest == null ? null : latest.targetCompletes();
    }

    public List<QuotaFigures> quotas() {
        List<QuotaFigures> figures = new ArrayList<>();
        for (int i = 0; i < quotas.size(); i++) {
            Quota q = quotas.get(i);
            figures.add(new QuotaFigures(q.code(), q.name(), q.limit(), quotaCompletes[i],
                    q.limit() != null && quotaCompletes[i] >= q.limit()));
        }
        return figures;
    }

    public List<QuestionFigures> questions() {
        return tallies.values().stream().map(Tally::figures).toList();
    }

    /** The answers to one question: by option or scale point, and the numbers in order with how often each came. */
    private static final class Tally {
        private final Question question;
        private final Map<String, Long> counts;
        private final TreeMap<BigDecimal, Long> numbers;
        private BigDecimal sum = BigDecimal.ZERO;
        private long numbered;
        private long answered;

        Tally(Question question) {
            this.question = question;
            Kind kind = question.kind();
            this.counts = kind == Kind.SINGLE || kind == Kind.MULTIPLE || kind == Kind.SCALE ? new LinkedHashMap<>() : null;
            this.numbers = kind == Kind.SCALE || kind == Kind.NUMBER ? new TreeMap<>() : null;
            if (kind == Kind.SINGLE || kind == Kind.MULTIPLE) {
                question.optionList().stream().map(Option::code).forEach(code -> counts.put(code, 0L));
            } else if (kind == Kind.SCALE && question.min() != null && question.max() != null) {
                for (int point = question.min().intValue(); point <= question.max().intValue(); point++) {
                    counts.put(String.valueOf(point), 0L);
                }
            }
        }

        void add(String stored) {
            List<String> given = Values.options(question, stored);
            if (given.isEmpty()) {
                return;
            }
            answered++;
            if (counts != null) {
                given.forEach(value -> counts.merge(value, 1L, Long::sum));
            }
            if (numbers != null) {
                BigDecimal n = Values.number(stored);
                if (n != null) {
                    numbers.merge(n, 1L, Long::sum);
                    sum = sum.add(n);
                    numbered++;
                }
            }
        }

        QuestionFigures figures() {
            Map<String, BigDecimal> percentages = null;
            if (counts != null) {
                percentages = new LinkedHashMap<>();
                for (Map.Entry<String, Long> count : counts.entrySet()) {
                    percentages.put(count.getKey(), answered == 0 ? BigDecimal.ZERO.setScale(1)
                            : Values.percent(count.getValue(), answered));
                }
            }
            BigDecimal mean = numbers == null || numbered == 0 ? null
                    : sum.divide(BigDecimal.valueOf(numbered), 2, RoundingMode.HALF_UP);
            return new QuestionFigures(question.code(), question.text(), question.kind(), answered,
                    counts == null ? null : Collections.unmodifiableMap(counts),
                    percentages, mean, numbers == null ? null : median(), question.nps() ? nps() : null,
                    question.kind() == Kind.NUMBER ? distribution() : null);
        }

        private Map<String, Long> distribution() {
            Map<String, Long> distribution = new LinkedHashMap<>();
            numbers.forEach((number, count) -> distribution.merge(Values.plain(number), count, Long::sum));
            return Collections.unmodifiableMap(distribution);
        }

        /** The middle number, or the mean of the two middle ones when the count is even. */
        private BigDecimal median() {
            if (numbered == 0) {
                return null;
            }
            BigDecimal lower = at((numbered - 1) / 2);
            BigDecimal upper = at(numbered / 2);
            return Values.tidy(lower.add(upper).divide(BigDecimal.valueOf(2)));
        }

        /** The number at a 0-based position in the ordered answers. */
        private BigDecimal at(long position) {
            long seen = 0;
            for (Map.Entry<BigDecimal, Long> entry : numbers.entrySet()) {
                seen += entry.getValue();
                if (position < seen) {
                    return entry.getKey();
                }
            }
            throw new IllegalStateException("position " + position + " of " + numbered);
        }

        private Nps nps() {
            long promoters = 0;
            long passives = 0;
            long detractors = 0;
            for (Map.Entry<BigDecimal, Long> entry : numbers.entrySet()) {
                int score = entry.getKey().intValue();
                if (score >= 9) {
                    promoters += entry.getValue();
                } else if (score >= 7) {
                    passives += entry.getValue();
                } else {
                    detractors += entry.getValue();
                }
            }
            return new Nps(promoters, passives, detractors, Values.percent(promoters - detractors, numbered));
        }
    }
}
