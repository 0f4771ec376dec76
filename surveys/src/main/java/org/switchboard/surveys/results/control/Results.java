package org.switchboard.surveys.results.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.Survey;

/**
 * A survey's results as the API gives them. Every figure about answers and quotas counts COMPLETE interviews only,
 * over all published versions; {@code quotaFull} and {@code inProgress} count the other interviews. The filters
 * narrow the interviews; {@code contacted} and {@code responseRate} are always the whole survey's, since a call
 * list keeps no attempt history per day and operator.
 */
@ApplicationScoped
public class Results {

    @Inject
    ResponseReader reader;

    public record Figures(long surveyId, String title, long completes, long quotaFull, long inProgress, long contacted,
            BigDecimal responseRate, Integer targetCompletes, List<SurveyResults.QuotaFigures> quotas,
            List<SurveyResults.QuestionFigures> questions) {
    }

    public Figures figures(Survey survey, ResponseFilter filter) {
        List<Version> versions = reader.publishedVersions(survey.getId());
        SurveyResults results = new SurveyResults(new VersionedQuestions(versions));
        boolean attributeQuotas = versions.stream().anyMatch(v -> v.questionnaire().quotaList().stream()
                .anyMatch(q -> q.attribute() != null));
        reader.eachCompleted(survey.getId(), ids(versions), filter, attributeQuotas, results::add);
        long contacted = reader.contacted(survey);
        long allCompletes = filter.equals(ResponseFilter.NONE) ? results.completes()
                : reader.count(survey.getId(), Response.State.COMPLETE, ResponseFilter.NONE);
        return new Figures(survey.getId(), survey.getTitle(), results.completes(),
                reader.count(survey.getId(), Response.State.QUOTA_FULL, filter),
                reader.count(survey.getId(), Response.State.IN_PROGRESS, filter), contacted,
                Values.percent(allCompletes, contacted), results.targetCompletes(), results.quotas(),
                results.questions());
    }

    public CrossTab.Table crossTab(Survey survey, String row, String column, ResponseFilter filter) {
        List<Version> versions = reader.publishedVersions(survey.getId());
        CrossTab tab = new CrossTab(new VersionedQuestions(versions), row, column);
        reader.eachCompleted(survey.getId(), ids(versions), filter, tab.needsAttributes(), tab::add);
        return tab.table();
    }

    private static Set<Long> ids(List<Version> versions) {
        return versions.stream().map(Version::id).collect(Collectors.toSet());
    }
}
