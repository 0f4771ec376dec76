package org.switchboard.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;
import org.switchboard.surveys.control.Definitions;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;

/** The surveys module's migrations after core's, leads' and calls', validated against its mapping. */
class SurveysPersistenceTest {

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aVersionedSurveyWithAResponseIsStored(String database) {
        List<Class<?>> entities = new ArrayList<>(List.of(Survey.class, SurveyVersion.class, Response.class, Answer.class));
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(), new LeadsModule(),
                        new CallsModule(), new SurveysModule()), entities)) {
            Instant now = Instant.parse("2026-12-01T09:00:00Z");
            long responseId = sessions.fromTransaction(s -> {
                Survey survey = new Survey("Market mood", null, "marketer", now);
                s.persist(survey);
                s.flush();
                SurveyVersion version = new SurveyVersion(survey.getId(), 1, "Hello",
                        Definitions.write(QuestionnaireTest.SAMPLE), now);
                version.publish(now);
                s.persist(version);
                s.flush();
                Response response = new Response(survey.getId(), version.getId(), 42L, null, "ivanov", "Q1", now);
                s.persist(response);
                s.flush();
                s.persist(new Answer(response.getId(), "Q1", "yes", 1, now));
                response.advance("Q2", now);
                return response.getId();
            });
            Response loaded = sessions.fromSession(s -> s.find(Response.class, responseId));
            assertThat(loaded.getCurrentQuestion()).isEqualTo("Q2");
            assertThat(loaded.getState()).isEqualTo(Response.State.IN_PROGRESS);
            SurveyVersion version = sessions.fromSession(s -> s.find(SurveyVersion.class, loaded.getVersionId()));
            assertThat(Definitions.read(version.getDefinition())).isEqualTo(QuestionnaireTest.SAMPLE);
        }
    }
}
