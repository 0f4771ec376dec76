package org.switchboard.reporting.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.reporting.ReportingModule;
import org.switchboard.reporting.control.ReportingSettings;
import org.switchboard.reporting.entity.DigestRecipient;
import org.switchboard.reporting.entity.Plan;
import org.switchboard.reporting.entity.ReportingSettingsRow;
import org.switchboard.reporting.qa.control.QaCall;
import org.switchboard.reporting.qa.control.QaCalls;
import org.switchboard.reporting.qa.control.QaFigures;
import org.switchboard.reporting.qa.control.Reviews;
import org.switchboard.reporting.qa.control.Sampling;
import org.switchboard.reporting.qa.control.Scorecards;
import org.switchboard.reporting.qa.entity.Criterion;
import org.switchboard.reporting.qa.entity.Review;
import org.switchboard.reporting.qa.entity.Scorecard;
import org.switchboard.reporting.qa.entity.Verdict;

/**
 * QA on the real migrations (core's, then reporting's), validated against the mapping, on H2 and PostgreSQL: the
 * sample query over rows of the read model, scorecards and reviews with their snapshots and correction chains, the
 * report's counting, and the reporting settings.
 */
class QaPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Plan.class, ReportingSettingsRow.class,
            DigestRecipient.class, Scorecard.class, Review.class);
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static List<String> databases() {
        return TestDatabases.available();
    }

    /** Clients 1 and 2; campaign A (client 1) counts calls from 30 s, campaign B (client 2) from the setting's 20 s. */
    static SessionFactory schema(TestDatabases.TestDatabase db) throws SQLException {
        SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(), new ReportingModule()),
                ENTITIES);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Alpha', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (2, 'Beta', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version,"
                    + " min_talk_seconds) VALUES (1, 'A', 'A', 'OUTBOUND', 1, TRUE, CURRENT_TIMESTAMP, 0, 30)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                    + " VALUES (2, 'B', 'B', 'INBOUND_AD', 2, TRUE, CURRENT_TIMESTAMP, 0)");
        }
        return sessions;
    }

    /** A day of calls: 1, 3 (anna, A) and 5, 6 (boris, B) may be sampled; the others each break one rule. */
    static void calls(TestDatabases.TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            call(c, 1, "anna", "A", 1L, DAY, true, 45, true, null, "u1");
            call(c, 2, "anna", "A", 1L, DAY, true, 25, true, "INTERESTED", "u2");  // under A's 30 s
            call(c, 3, "anna", "A", 1L, DAY, true, 60, true, "NOT_INTERESTED", "u3");
            call(c, 4, "anna", "A", 1L, DAY, true, 60, false, "INTERESTED", "u4"); // no recording
            call(c, 5, "boris", "B", 2L, DAY, true, 25, true, "CALLBACK", "u5");
            call(c, 6, "boris", "B", 2L, DAY, true, 20, true, "MEETING", null);
            call(c, 7, "boris", "B", 2L, DAY, false, 0, true, null, "u7");         // not answered
            call(c, 8, null, "B", 2L, DAY, true, 60, true, null, "u8");            // nobody's
            call(c, 9, "anna", "A", 1L, DAY.minusDays(1), true, 60, true, null, "u9");
            call(c, 10, "boris", "B", 2L, DAY, true, 19, true, "INTERESTED", "u10"); // under the setting's 20 s
            call(c, 11, "boris", null, null, DAY, true, 90, true, null, "u11");    // no campaign: the setting
            lead(c, 1, "anna", null, "u1");  // tied by uniqueid
            lead(c, 2, "boris", 5L, null);   // tied by id
            lead(c, 3, "anna", 99L, "u99");  // someone else's call
        }
    }

    static void call(Connection c, long id, String operator, String campaign, Long client, LocalDate day,
            boolean answered, int talk, boolean recorded, String outcome, String uniqueid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_call (id, operator, extension, direction,"
                + " number, campaign_code, client_id, started_at, work_day, answered, talk_seconds, recorded, outcome,"
                + " uniqueid, min_talk) VALUES (?, ?, '101', 'OUT', '+79110000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, operator);
            s.setString(3, campaign);
            s.setObject(4, client);
            s.setTimestamp(5, Timestamp.from(day.atTime(9, 0).plusMinutes(id).atZone(java.time.ZoneOffset.ofHours(3))
                    .toInstant()));
            s.setObject(6, day);
            s.setBoolean(7, answered);
            s.setInt(8, talk);
            s.setBoolean(9, recorded);
            s.setString(10, outcome);
            s.setString(11, uniqueid);
            // the copy carries the threshold in force for its campaign, as RollupStore stamps it
            s.setInt(12, "A".equals(campaign) ? 30 : 20);
            s.executeUpdate();
        }
    }

    static void lead(Connection c, long id, String operator, Long callId, String uniqueid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_lead (id, operator, created_at, work_day,"
                + " call_id, call_uniqueid) VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, operator);
            s.setObject(3, DAY);
            s.setObject(4, callId);
            s.setString(5, uniqueid);
            s.executeUpdate();
        }
    }

    static Scorecards.Definition salesCall(String passMark) {
        return new Scorecards.Definition("Sales call", new BigDecimal(passMark), List.of(
                new Criterion("GREETING", "Greets", 2, false),
                new Criterion("NEXT_STEP", "Agrees the next step", 6, false),
                new Criterion("POLITENESS", "Stays polite", 2, true)), true);
    }

    static Map<String, Integer> scores(int greeting, int next, int polite) {
        Map<String, Integer> scores = new HashMap<>();
        scores.put("GREETING", greeting);
        scores.put("NEXT_STEP", next);
        scores.put("POLITENESS", polite);
        return scores;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSampleQueryTakesCountedRecordedCallsAndKnowsWhichSucceeded(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory sessions = schema(db)) {
            calls(db);
            List<QaCall> day = sessions.fromTransaction(s -> new QaCalls(s).sampleable(DAY, null));
            assertThat(day).extracting(QaCall::id).containsExactlyInAnyOrder(1L, 3L, 5L, 6L, 11L);
            Map<Long, QaCall> byId = new HashMap<>();
            day.forEach(c -> byId.put(c.id(), c));
            assertThat(byId.get(1L).successful()).as("lead by uniqueid").isTrue();
            assertThat(byId.get(3L).successful()).isFalse();
            assertThat(byId.get(5L).successful()).as("lead by call id").isTrue();
            assertThat(byId.get(6L).successful()).as("MEETING").isTrue();
            assertThat(byId.get(11L).successful()).isFalse();
            assertThat(byId.get(1L).minTalkSeconds()).isEqualTo(30);
            assertThat(byId.get(5L).minTalkSeconds()).isEqualTo(20);
            assertThat(byId.get(1L).startedAt()).isEqualTo(Instant.parse("2026-11-27T06:01:00Z"));
            assertThat(byId.get(1L).day()).isEqualTo(DAY);
            assertThat(day).allMatch(QaCall::sampleable);

            List<QaCall> beta = sessions.fromTransaction(s -> new QaCalls(s).sampleable(DAY, 2L));
            assertThat(beta).extracting(QaCall::id).containsExactlyInAnyOrder(5L, 6L);
            Optional<QaCall> tooShort = sessions.fromTransaction(s -> new QaCalls(s).find(2, null));
            assertThat(tooShort).get().satisfies(c -> assertThat(c.counted()).isFalse());
            Optional<QaCall> betasAsAlpha = sessions.fromTransaction(s -> new QaCalls(s).find(5, 1L));
            assertThat(betasAsAlpha).isEmpty();
            Optional<QaCall> betasAsBeta = sessions.fromTransaction(s -> new QaCalls(s).find(5, 2L));
            assertThat(betasAsBeta).isPresent();

            List<QaCall> sample = Sampling.pick(day, DAY, 2);
            assertThat(sample).extracting(QaCall::operator).containsExactly("anna", "anna", "boris", "boris");
            assertThat(sample.subList(0, 2)).extracting(QaCall::id).containsExactly(1L, 3L);
            assertThat(sample.subList(2, 4)).extracting(QaCall::successful).containsExactlyInAnyOrder(true, false);
            assertThat(sample.subList(2, 4)).extracting(QaCall::id).contains(11L);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reviewsKeepTheirScorecardAndOnlyTheLastCorrectionCounts(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory sessions = schema(db)) {
            calls(db);
            long scorecardId = sessions.fromTransaction(s -> new Scorecards(s).create(salesCall("70"), "boss", NOW).getId());
            Reviews.Reviewer boss = new Reviews.Reviewer("boss", null);
            Review first = sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(1, scorecardId, scores(2, 6, 0), "rude", null), boss, NOW));
            assertThat(first.getVerdict()).isEqualTo(Verdict.BAD);
            assertThat(first.getScore()).isEqualByComparingTo("80.0");
            assertThat(first.getOperator()).isEqualTo("anna");
            assertThat(first.getClientId()).isEqualTo(1L);
            assertThat(first.getDay()).isEqualTo(DAY);

            // the scorecard changes; the review does not
            long version = sessions.fromTransaction(s -> s.find(Scorecard.class, scorecardId).getVersion());
            Scorecard changed = sessions.fromTransaction(s -> new Scorecards(s).update(scorecardId,
                    new Scorecards.Definition("Sales call v2", new BigDecimal("90"),
                            List.of(new Criterion("GREETING", "Greets warmly", 5, false)), true), version));
            assertThat(changed.getVersion()).isGreaterThan(version);
            Review reloaded = sessions.fromTransaction(s -> {
                Review r = s.find(Review.class, first.getId());
                r.getCriteria().size();
                return r;
            });
            assertThat(reloaded.getCriteria()).extracting(c -> c.getCode())
                    .containsExactly("GREETING", "NEXT_STEP", "POLITENESS");
            assertThat(reloaded.getCriteria()).extracting(c -> c.getScored()).containsExactly(2, 6, 0);
            assertThat(reloaded.getPassMark()).isEqualByComparingTo("70");
            assertThat(reloaded.getScorecardName()).isEqualTo("Sales call");
            assertThat(reloaded.getScorecardVersion()).isEqualTo(version);
            long staleVersion = version;
            assertThatThrownBy(() -> sessions.fromTransaction(s -> new Scorecards(s).update(scorecardId,
                    salesCall("70"), staleVersion))).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.status()).isEqualTo(409));

            Review correction = sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(1, scorecardId, Map.of("GREETING", 5), "fine after all", first.getId()),
                    boss, NOW));
            assertThat(correction.getCorrects()).isEqualTo(first.getId());
            assertThat(correction.getVerdict()).isEqualTo(Verdict.GOOD);
            assertThatThrownBy(() -> sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(1, scorecardId, Map.of("GREETING", 0), null, first.getId()), boss, NOW)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
            assertThatThrownBy(() -> sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(3, scorecardId, Map.of("GREETING", 0), null, correction.getId()), boss, NOW)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field()).containsExactly("corrects"));
            // the database refuses a second correction of the same review even past the check
            assertThatThrownBy(() -> sessions.inTransaction(s -> {
                Scorecard card = s.find(Scorecard.class, scorecardId);
                Review again = new Review(new Review.ReviewedCall(1, "anna", "A", 1L, DAY), card,
                        card.score(Map.of("GREETING", 1)), null, s.find(Review.class, first.getId()), "boss", NOW);
                s.persist(again);
                s.flush();
            })).isInstanceOf(org.hibernate.exception.ConstraintViolationException.class);

            // a client's reviewer: their own client's calls only
            Reviews.Reviewer beta = new Reviews.Reviewer("beta-manager", 2L);
            assertThatThrownBy(() -> sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(1, scorecardId, Map.of("GREETING", 5), null, null), beta, NOW)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(5, scorecardId, Map.of("GREETING", 1), null, null), beta, NOW));
            sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(6, scorecardId, Map.of("GREETING", 5), null, null), boss, NOW));
            assertThatThrownBy(() -> sessions.fromTransaction(s -> new Reviews(s, new QaCalls(s)).write(
                    new Reviews.Request(4, scorecardId, Map.of("GREETING", 4), null, null), boss, NOW)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
                            .contains("no recording"));

            QaCall reviewed = sessions.fromTransaction(s -> new QaCalls(s).find(1, null)).orElseThrow();
            QaCall notReviewed = sessions.fromTransaction(s -> new QaCalls(s).find(3, null)).orElseThrow();
            assertThat(reviewed.reviewed()).isTrue();
            assertThat(notReviewed.reviewed()).isFalse();

            List<QaFigures.Tally> all = sessions.fromTransaction(s -> new QaFigures(s).perOperator(
                    new QaFigures.Filter(DAY, DAY, null, null, null)));
            assertThat(all).extracting(QaFigures.Tally::row).containsExactly(
                    new QaFigures.Row("anna", 1, new BigDecimal("100.0"), 1, 0, new BigDecimal("100.0"),
                            new BigDecimal("0.0")),
                    new QaFigures.Row("boris", 2, new BigDecimal("60.0"), 1, 1, new BigDecimal("50.0"),
                            new BigDecimal("50.0")));
            // (100 + 20 + 100) / 3
            assertThat(QaFigures.total(all, "Total").row()).isEqualTo(new QaFigures.Row("Total", 3,
                    new BigDecimal("73.3"), 2, 1, new BigDecimal("66.7"), new BigDecimal("33.3")));
            List<QaFigures.Tally> ofBeta = sessions.fromTransaction(s -> new QaFigures(s).perOperator(
                    new QaFigures.Filter(DAY, DAY, null, null, 2L)));
            assertThat(ofBeta).extracting(QaFigures.Tally::operator).containsExactly("boris");
            List<QaFigures.Tally> borisOnB = sessions.fromTransaction(s -> new QaFigures(s).perOperator(
                    new QaFigures.Filter(DAY, DAY, "boris", "B", null)));
            assertThat(borisOnB).extracting(QaFigures.Tally::reviews).containsExactly(2L);
            List<QaFigures.Tally> later = sessions.fromTransaction(s -> new QaFigures(s).perOperator(
                    new QaFigures.Filter(DAY.plusDays(1), DAY.plusDays(2), null, null, null)));
            assertThat(later).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reportingSettingsStartWithTheDefaultsAndKeepRecipientsPerClient(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory sessions = schema(db)) {
            ReportingSettings.Values defaults = sessions.fromTransaction(s -> new ReportingSettings(s).current());
            assertThat(defaults).isEqualTo(new ReportingSettings.Values(2, LocalTime.of(7, 0), true, Map.of(), 0));

            ReportingSettings.Values changed = sessions.fromTransaction(s -> new ReportingSettings(s).change(3,
                    LocalTime.of(8, 30, 15), false, List.of(
                            new ReportingSettings.Recipients(2L, List.of("boss@beta.example", " Boss@Beta.example ")),
                            new ReportingSettings.Recipients(1L, List.of("b@alpha.example", "a@alpha.example")))));
            assertThat(changed.qaSampleSize()).isEqualTo(3);
            assertThat(changed.digestTime()).isEqualTo(LocalTime.of(8, 30));
            assertThat(changed.digestEnabled()).isFalse();
            assertThat(changed.recipients()).containsExactly(
                    Map.entry(1L, List.of("a@alpha.example", "b@alpha.example")),
                    Map.entry(2L, List.of("boss@beta.example")));
            assertThat(changed.version()).isEqualTo(1);

            // only the recipients change: still an edit of the settings
            ReportingSettings.Values fewer = sessions.fromTransaction(s -> new ReportingSettings(s).change(3,
                    LocalTime.of(8, 30), false, List.of(new ReportingSettings.Recipients(1L, List.of("a@alpha.example")))));
            assertThat(fewer.recipients()).containsExactly(Map.entry(1L, List.of("a@alpha.example")));
            assertThat(fewer.recipientsOf(2L)).isEmpty();
            assertThat(fewer.version()).isEqualTo(2);
            ReportingSettings.Values same = sessions.fromTransaction(s -> new ReportingSettings(s).change(3,
                    LocalTime.of(8, 30), false, List.of(new ReportingSettings.Recipients(1L, List.of("a@alpha.example")))));
            assertThat(same).isEqualTo(fewer);

            assertThatThrownBy(() -> sessions.fromTransaction(s -> new ReportingSettings(s).change(2, LocalTime.NOON,
                    true, List.of(new ReportingSettings.Recipients(77L, List.of("x@y.example", "not an address")),
                            new ReportingSettings.Recipients(1L, List.of()),
                            new ReportingSettings.Recipients(1L, List.of())))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field()).containsExactly("recipients[0].clientId",
                                    "recipients[0].emails[1]", "recipients[2].clientId"));
            ReportingSettings.Values after = sessions.fromTransaction(s -> new ReportingSettings(s).current());
            assertThat(after).isEqualTo(fewer);
        }
    }
}
