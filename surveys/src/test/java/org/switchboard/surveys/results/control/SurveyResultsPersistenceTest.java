package org.switchboard.surveys.results.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;
import org.switchboard.leads.entity.DncEntry;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatusChange;
import org.switchboard.surveys.SurveysModule;
import org.switchboard.surveys.control.Definitions;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;
import org.switchboard.surveys.control.Questionnaire.Quota;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;
import org.switchboard.surveys.results.control.SurveyResults.QuestionFigures;

/**
 * The results and the export read from the real migrations (core, leads, calls, surveys): two published versions
 * and a draft, interviews in every state, a call list with tried and untried entries, another client's survey —
 * read in pages of two so that paging is part of what is checked.
 */
class SurveyResultsPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Company.class, Contact.class, ContactPhone.class,
            Lead.class, LeadStatusChange.class, DncEntry.class, Call.class, Listen.class, ListEntry.class,
            Callback.class, OutboundRules.class, org.switchboard.core.holidays.entity.Holiday.class, Survey.class,
            SurveyVersion.class, Response.class, Answer.class);

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");

    static final Question Q1 = new Question("Q1", "Do you know us?", Kind.SINGLE, true,
            List.of(new Option("yes", "Yes"), new Option("no", "No")), null, null, null);
    static final Question Q2 = new Question("Q2", "How many seats?", Kind.NUMBER, false, null, null, null, null);
    static final Question Q3 = new Question("Q3", "Anything else?", Kind.TEXT, false, null, null, null, null);
    static final Question Q4 = new Question("Q4", "Which products?", Kind.MULTIPLE, false,
            List.of(new Option("a", "A"), new Option("b", "B"), new Option("c", "C")), null, null, null);
    static final Question Q9 = new Question("Q9", "Drafted only", Kind.TEXT, false, null, null, null, null);

    record Fixture(long surveyId, long otherSurveyId, long bareSurveyId, long clientA, long clientB,
            Map<String, Long> responses, Map<String, Long> contacts) {
    }

    static List<String> databases() {
        return TestDatabases.available();
    }

    static Contact contact(Session s, String name, String city) {
        Contact contact = new Contact(CREATED);
        contact.describe(new Contact.Details(name, Map.of(), Set.of(), null, null, null, city, null, Set.of(), null,
                null, Contact.Consent.NONE, false, null, null), MOSCOW);
        s.persist(contact);
        return contact;
    }

    static ListEntry listEntry(Session s, long campaignId, Contact contact, String number, int attempts) {
        ListEntry entry = new ListEntry(campaignId, contact.getId(), number, MOSCOW, "test", CREATED);
        for (int i = 0; i < attempts; i++) {
            entry.record("NO_ANSWER", null, CREATED.plusSeconds(3600L * (i + 1)), false, null);
        }
        s.persist(entry);
        return entry;
    }

    static SurveyVersion version(Session s, long surveyId, int number, Questionnaire questionnaire, boolean publish) {
        SurveyVersion version = new SurveyVersion(surveyId, number, null, Definitions.write(questionnaire), CREATED);
        if (publish) {
            version.publish(CREATED);
        }
        s.persist(version);
        return version;
    }

    /** An interview with its answers (null: skipped); ended at {@code end} unless in progress. */
    static Response interview(Session s, Survey survey, SurveyVersion version, Contact contact, String operator,
            Response.State state, Instant end, String... codesAndAnswers) {
        Response r = new Response(survey.getId(), version.getId(), contact.getId(), null, operator, "Q1",
                end.minusSeconds(300));
        if (state == Response.State.COMPLETE) {
            r.advance(null, end);
        } else if (state == Response.State.QUOTA_FULL) {
            r.quotaFull("moscow", end);
        }
        s.persist(r);
        s.flush();
        for (int i = 0; i < codesAndAnswers.length; i += 2) {
            s.persist(new Answer(r.getId(), codesAndAnswers[i], codesAndAnswers[i + 1], i / 2, end));
        }
        return r;
    }

    static Fixture fixture(SessionFactory sessions) {
        return sessions.fromTransaction(s -> {
            Client a = new Client("Survey Client A", CREATED);
            Client b = new Client("Survey Client B", CREATED);
            s.persist(a);
            s.persist(b);
            s.flush();
            Campaign campaignA = new Campaign("SURV-A", CampaignType.SURVEY, a.getId(), CREATED);
            campaignA.describe("Survey A", null, null, true);
            Campaign campaignB = new Campaign("SURV-B", CampaignType.SURVEY, b.getId(), CREATED);
            campaignB.describe("Survey B", null, null, true);
            s.persist(campaignA);
            s.persist(campaignB);
            Map<String, Contact> c = new HashMap<>();
            c.put("c1", contact(s, "One", "Moscow"));
            c.put("c2", contact(s, "Two", "Moscow"));
            c.put("c3", contact(s, "Three", "Kazan"));
            c.put("c4", contact(s, "Four", null));
            c.put("c5", contact(s, "Five", "Moscow"));
            c.put("c6", contact(s, "Six", "Kazan"));
            c.put("c7", contact(s, "Seven", "Moscow"));
            s.flush();
            // tried: c1 (two numbers), c2, c3, c6; on the list but never tried: c4
            listEntry(s, campaignA.getId(), c.get("c1"), "+74950000001", 1);
            listEntry(s, campaignA.getId(), c.get("c1"), "+74950000011", 2);
            listEntry(s, campaignA.getId(), c.get("c2"), "+74950000002", 2);
            listEntry(s, campaignA.getId(), c.get("c3"), "+74950000003", 1);
            listEntry(s, campaignA.getId(), c.get("c4"), "+74950000004", 0);
            listEntry(s, campaignA.getId(), c.get("c6"), "+74950000006", 3);
            listEntry(s, campaignB.getId(), c.get("c5"), "+74950000005", 1);

            Survey survey = new Survey("Brand awareness", "SURV-A", "marketer", CREATED);
            Survey other = new Survey("Other client's survey", "SURV-B", "marketer", CREATED);
            Survey bare = new Survey("No campaign yet", null, "marketer", CREATED);
            s.persist(survey);
            s.persist(other);
            s.persist(bare);
            s.flush();
            SurveyVersion v1 = version(s, survey.getId(), 1, new Questionnaire(List.of(Q1, Q2, Q3), null, null), true);
            SurveyVersion v2 = version(s, survey.getId(), 2, new Questionnaire(List.of(Q1, Q2, Q4), List.of(
                    new Quota("moscow", "Moscow", 2, null, null, "city", "Moscow"),
                    new Quota("knows", "Know us", 5, "Q1", "yes", null, null)), 10), true);
            version(s, survey.getId(), 3, new Questionnaire(List.of(Q1, Q9), null, null), false);
            SurveyVersion otherVersion = version(s, other.getId(), 1, new Questionnaire(List.of(Q1), null, null), true);
            s.flush();

            Map<String, Long> r = new HashMap<>();
            r.put("r1", interview(s, survey, v1, c.get("c1"), "anna", Response.State.COMPLETE,
                    Instant.parse("2026-11-10T10:00:00Z"), "Q1", "yes", "Q2", "10", "Q3", "good, \"thanks\"").getId());
            // 22:30 UTC on the 10th is 01:30 on the 11th in Moscow
            r.put("r2", interview(s, survey, v1, c.get("c2"), "boris", Response.State.COMPLETE,
                    Instant.parse("2026-11-10T22:30:00Z"), "Q1", "no", "Q2", "20").getId());
            r.put("r3", interview(s, survey, v2, c.get("c3"), "anna", Response.State.COMPLETE,
                    Instant.parse("2026-11-11T09:00:00Z"), "Q1", "yes", "Q2", null, "Q4", "a;c").getId());
            r.put("r4", interview(s, survey, v2, c.get("c5"), "anna", Response.State.COMPLETE,
                    Instant.parse("2026-11-12T09:00:00Z"), "Q1", "yes", "Q2", "30", "Q4", "a").getId());
            r.put("r5", interview(s, survey, v2, c.get("c4"), "boris", Response.State.QUOTA_FULL,
                    Instant.parse("2026-11-11T10:00:00Z"), "Q1", "yes").getId());
            r.put("r7", interview(s, survey, v2, c.get("c7"), "anna", Response.State.IN_PROGRESS,
                    Instant.parse("2026-11-12T12:00:00Z"), "Q1", "no").getId());
            interview(s, other, otherVersion, c.get("c5"), "anna", Response.State.COMPLETE,
                    Instant.parse("2026-11-10T10:00:00Z"), "Q1", "no");
            Map<String, Long> contactIds = new HashMap<>();
            c.forEach((k, v) -> contactIds.put(k, v.getId()));
            return new Fixture(survey.getId(), other.getId(), bare.getId(), a.getId(), b.getId(), r, contactIds);
        });
    }

    static ResponseReader reader(Session session) {
        ResponseReader reader = new ResponseReader();
        reader.em = session;
        reader.pageSize = 2;
        return reader;
    }

    static <T> T read(SessionFactory sessions, Function<ResponseReader, T> work) {
        return sessions.fromTransaction(s -> work.apply(reader(s)));
    }

    static Results.Figures figures(SessionFactory sessions, long surveyId, ResponseFilter filter) {
        return read(sessions, reader -> {
            Results results = new Results();
            results.reader = reader;
            return results.figures(reader.survey(surveyId, null), filter);
        });
    }

    static QuestionFigures question(Results.Figures figures, String code) {
        return figures.questions().stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }

    static Instant startOf(String day) {
        return LocalDate.parse(day).atStartOfDay(MOSCOW).toInstant();
    }

    static byte[] export(SessionFactory sessions, long surveyId, TabularFormat format) {
        return read(sessions, reader -> {
            ResponseExport export = new ResponseExport();
            export.reader = reader;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                export.write(surveyId, format, out, MOSCOW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void figuresCountCompletesOfPublishedVersionsAndTheContactedOfTheCallList(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(),
                        new LeadsModule(), new CallsModule(), new SurveysModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            Results.Figures all = figures(sessions, f.surveyId(), ResponseFilter.NONE);
            assertThat(all.title()).isEqualTo("Brand awareness");
            assertThat(all.completes()).isEqualTo(4);
            assertThat(all.quotaFull()).isEqualTo(1);
            assertThat(all.inProgress()).isEqualTo(1);
            // tried c1 c2 c3 c6, plus interviewed but never tried c4 c5 c7
            assertThat(all.contacted()).isEqualTo(7);
            assertThat(all.responseRate()).isEqualTo(new BigDecimal("57.1"));
            assertThat(all.targetCompletes()).isEqualTo(10);
            assertThat(all.questions()).extracting(QuestionFigures::code).containsExactly("Q1", "Q2", "Q4", "Q3");
            assertThat(question(all, "Q1").counts()).containsExactly(entry("yes", 3L), entry("no", 1L));
            assertThat(question(all, "Q1").percentages()).containsExactly(entry("yes", new BigDecimal("75.0")),
                    entry("no", new BigDecimal("25.0")));
            assertThat(question(all, "Q2").answered()).isEqualTo(3);
            assertThat(question(all, "Q2").mean()).isEqualTo(new BigDecimal("20.00"));
            assertThat(question(all, "Q2").median()).isEqualTo(new BigDecimal("20"));
            assertThat(question(all, "Q4").answered()).isEqualTo(2);
            assertThat(question(all, "Q4").counts()).containsExactly(entry("a", 2L), entry("b", 0L), entry("c", 1L));
            assertThat(question(all, "Q3").answered()).isEqualTo(1);
            assertThat(all.quotas()).containsExactly(new SurveyResults.QuotaFigures("moscow", "Moscow", 2, 3, true),
                    new SurveyResults.QuotaFigures("knows", "Know us", 5, 3, false));

            Results.Figures eleventh = figures(sessions, f.surveyId(),
                    new ResponseFilter(startOf("2026-11-11"), startOf("2026-11-12"), null));
            assertThat(eleventh.completes()).isEqualTo(2);
            assertThat(question(eleventh, "Q1").counts()).containsExactly(entry("yes", 1L), entry("no", 1L));
            assertThat(eleventh.quotaFull()).isEqualTo(1);
            assertThat(eleventh.inProgress()).isZero();
            assertThat(eleventh.responseRate()).as("the whole survey's").isEqualTo(new BigDecimal("57.1"));

            Results.Figures anna = figures(sessions, f.surveyId(), new ResponseFilter(null, null, "anna"));
            assertThat(anna.completes()).isEqualTo(3);
            assertThat(anna.quotaFull()).isZero();
            assertThat(anna.inProgress()).isEqualTo(1);
            assertThat(question(anna, "Q2").median()).isEqualTo(new BigDecimal("20"));

            Results.Figures other = figures(sessions, f.otherSurveyId(), ResponseFilter.NONE);
            assertThat(other.completes()).isEqualTo(1);
            assertThat(other.contacted()).as("c5 on B's list and interviewed counts once").isEqualTo(1);
            Results.Figures bare = figures(sessions, f.bareSurveyId(), ResponseFilter.NONE);
            assertThat(bare.contacted()).isZero();
            assertThat(bare.responseRate()).isNull();
            assertThat(bare.questions()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClientFindsOnlyItsOwnCampaignsSurveysAndCrossTabsReadContacts(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(),
                        new LeadsModule(), new CallsModule(), new SurveysModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            String ownTitle = read(sessions, r -> r.survey(f.surveyId(), f.clientA()).getTitle());
            assertThat(ownTitle).isEqualTo("Brand awareness");
            Long staffSees = read(sessions, r -> r.survey(f.surveyId(), null).getId());
            assertThat(staffSees).isEqualTo(f.surveyId());
            for (Long[] denied : new Long[][] {{f.surveyId(), f.clientB()}, {f.bareSurveyId(), f.clientA()},
                    {f.surveyId(), -1L}, {987654L, null}}) {
                ProblemException e = catchThrowableOfType(ProblemException.class,
                        () -> read(sessions, r -> r.survey(denied[0], denied[1])));
                assertThat(e).as("survey %s for client %s", denied[0], denied[1]).isNotNull();
                assertThat(e.status()).isEqualTo(404);
            }

            CrossTab.Table table = read(sessions, reader -> {
                Results results = new Results();
                results.reader = reader;
                return results.crossTab(reader.survey(f.surveyId(), null), "Q1", "attribute:city", ResponseFilter.NONE);
            });
            assertThat(table.rows()).containsExactly("yes", "no");
            assertThat(table.columns()).containsExactly("Kazan", "Moscow");
            assertThat(table.cells()).containsExactly(List.of(1L, 2L), List.of(0L, 1L));
            assertThat(table.rowTotals()).containsExactly(3L, 1L);
            assertThat(table.columnTotals()).containsExactly(1L, 3L);
            assertThat(table.total()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theExportHasEveryResponseWithAColumnPerQuestionOfThePublishedVersions(String database) throws IOException {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(),
                        new LeadsModule(), new CallsModule(), new SurveysModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            String csv = new String(export(sessions, f.surveyId(), TabularFormat.CSV), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF");
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
            assertThat(records.get(0).toList()).containsExactly("response_id", "contact_id", "operator", "version",
                    "state", "started_at", "ended_at", "Q1", "Q2", "Q4", "Q3");
            assertThat(records).hasSize(7);
            Map<String, List<String>> byId = new HashMap<>();
            records.subList(1, records.size()).forEach(rec -> byId.put(rec.get(0), rec.toList()));
            assertThat(byId).containsOnlyKeys(f.responses().values().stream().map(String::valueOf).toList());
            assertThat(byId.get(String.valueOf(f.responses().get("r1")))).containsExactly(
                    String.valueOf(f.responses().get("r1")), String.valueOf(f.contacts().get("c1")), "anna", "1",
                    "COMPLETE", "2026-11-10 12:55:00", "2026-11-10 13:00:00", "yes", "10", "", "good, \"thanks\"");
            assertThat(byId.get(String.valueOf(f.responses().get("r3")))).endsWith("2", "COMPLETE",
                    "2026-11-11 11:55:00", "2026-11-11 12:00:00", "yes", "", "a;c", "")
                    .element(2).isEqualTo("anna");
            assertThat(byId.get(String.valueOf(f.responses().get("r7")))).containsSubsequence("IN_PROGRESS", "",
                    "no");
            assertThat(byId.get(String.valueOf(f.responses().get("r5")))).contains("QUOTA_FULL");

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                    export(sessions, f.surveyId(), TabularFormat.XLSX)))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(6);
                assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("Q2");
                Row r1 = null;
                for (Row row : sheet) {
                    if (row.getRowNum() > 0 && row.getCell(0).getNumericCellValue() == f.responses().get("r1")) {
                        r1 = row;
                    }
                }
                assertThat(r1).isNotNull();
                assertThat(r1.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(r1.getCell(8).getNumericCellValue()).isEqualTo(10.0);
                assertThat(r1.getCell(7).getStringCellValue()).isEqualTo("yes");
                assertThat(r1.getCell(4).getStringCellValue()).isEqualTo("COMPLETE");
            }
        }
    }
}
