package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quality review over HTTP: calls come from an Asterisk import and reach reporting through the calls module's events;
 * recordings are uploaded; then the day's sample, scorecards, final reviews and corrections, client isolation, the QA
 * report and its exports, and the reporting settings. Each test works on a day of its own.
 */
@ExtendWith(ArquillianExtension.class)
class QaIT {

    private static final AtomicInteger UNIQUEIDS = new AtomicInteger();

    private long alpha;
    private long beta;
    private String campaignA;
    private String campaignB;
    private String anna;
    private String annaExtension;
    private String boris;
    private String borisExtension;
    private String supervisor;
    private String alphaUser;
    private String betaUser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** Clients Alpha and Beta, a campaign each; anna works Alpha's campaign, boris Beta's; a user per client. */
    @BeforeEach
    void fixtures() {
        alpha = createClient(unique("QA Alpha"));
        beta = createClient(unique("QA Beta"));
        campaignA = createCampaign(alpha, "OUTBOUND");
        campaignB = createCampaign(beta, "OUTBOUND");
        anna = unique("anna");
        annaExtension = freeExtension();
        createUser(anna, List.of("OPERATOR"), annaExtension, null);
        boris = unique("boris");
        borisExtension = freeExtension();
        createUser(boris, List.of("OPERATOR"), borisExtension, null);
        supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        alphaUser = unique("alpha");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        betaUser = unique("beta");
        createUser(betaUser, List.of("CLIENT"), null, beta);
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    private static String uid() {
        return "17650" + (System.currentTimeMillis() % 1_000_000L) + "." + UNIQUEIDS.incrementAndGet();
    }

    /**
     * Imports one answered outbound call per talk time (seconds, distinct per operator) at 10:00, 10:05, … PBX time
     * of {@code day}, and returns the call ids by talk time.
     */
    private static Map<Integer, Long> calls(String operator, String extension, String campaign, LocalDate day,
            int... talkSeconds) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < talkSeconds.length; i++) {
            csv.append(CallsIT.cdr(campaign, extension, freeMobile().substring(1),
                    "PJSIP/" + extension + "-0000q00" + i, "PJSIP/trunk-0000q10" + i, "",
                    day.atTime(10, 0).plusMinutes(5L * i), 3, talkSeconds[i], "ANSWERED", uid(), null)).append('\n');
        }
        admin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(talkSeconds.length));
        JsonPath list = admin().queryParam("operator", operator).queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("size", 100).get("/api/calls").then().statusCode(200)
                .extract().jsonPath();
        Map<Integer, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < list.getList("items").size(); i++) {
            ids.put(list.getInt("items[" + i + "].talkSeconds"), list.getLong("items[" + i + "].id"));
        }
        assertThat(ids).hasSize(talkSeconds.length);
        return ids;
    }

    private static void record(long callId) {
        admin().contentType("audio/wav").body(CallsIT.wav(400)).put("/api/calls/" + callId + "/recording")
                .then().statusCode(200);
    }

    /** A lead tied to the call by its id: the call becomes a successful one. */
    private static void lead(long callId, String operator, String campaign) {
        long contact = createContact("QA Lead " + callId, freeMobile());
        admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator, "callId", callId))
                .post("/api/leads").then().statusCode(201);
    }

    private static List<Map<String, Object>> sample(RequestSpecification who, LocalDate day, String... operators) {
        List<Map<String, Object>> all = who.queryParam("date", day.toString()).get("/api/qa/sample").then()
                .statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> entry : all) {
            if (List.of(operators).contains(entry.get("operator"))) {
                mine.add(entry);
            }
        }
        return mine;
    }

    private static List<Object> field(List<Map<String, Object>> entries, String name) {
        return entries.stream().map(e -> e.get(name)).toList();
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> entries, String operator) {
        return entries.stream().filter(e -> operator.equals(e.get("operator"))).toList();
    }

    private static Map<String, Object> criterion(String code, String text, int points, boolean fatal) {
        return Map.of("code", code, "text", text, "points", points, "fatal", fatal);
    }

    /** The six criteria of DOMAIN.md's sales call, 20 points, politeness fatal. */
    private long salesScorecard(String createdBy, int passMark) {
        return user(createdBy).body(Map.of("name", unique("Sales call"), "passMark", passMark, "criteria", List.of(
                criterion("GREETING", "Greets and names the company", 2, false),
                criterion("NEEDS", "Finds the customer's needs", 4, false),
                criterion("PRODUCT", "Presents the product", 4, false),
                criterion("OBJECTIONS", "Handles objections", 4, false),
                criterion("NEXT_STEP", "Agrees the next step", 4, false),
                criterion("POLITENESS", "Stays polite", 2, true))))
                .post("/api/qa/scorecards").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> scores(int greeting, int needs, int product, int objections, int next, int polite) {
        return Map.of("GREETING", greeting, "NEEDS", needs, "PRODUCT", product, "OBJECTIONS", objections,
                "NEXT_STEP", next, "POLITENESS", polite);
    }

    private static Response review(RequestSpecification who, long callId, long scorecardId, Map<String, Object> scores,
            Long corrects) {
        Map<String, Object> body = new HashMap<>(Map.of("callId", callId, "scorecardId", scorecardId, "scores", scores));
        if (corrects != null) {
            body.put("corrects", corrects);
        }
        return who.body(body).post("/api/qa/reviews");
    }

    private static <T> T restoringSettings(java.util.function.Supplier<T> work) {
        Map<String, Object> settings = admin().get("/api/reports/settings").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        try {
            return work.get();
        } finally {
            Map<String, Object> restore = new HashMap<>(settings);
            restore.put("version", admin().get("/api/reports/settings").then().extract().jsonPath().getLong("version"));
            admin().body(restore).put("/api/reports/settings").then().statusCode(200);
        }
    }

    @Test
    void theDaysSampleHoldsASuccessAndAFailurePerOperatorAndIsTheSameEachTime() {
        LocalDate day = LocalDate.of(2026, 10, 5);
        Map<Integer, Long> annas = calls(anna, annaExtension, campaignA, day, 90, 60, 70, 10, 120);
        Map<Integer, Long> boriss = calls(boris, borisExtension, campaignB, day, 80, 50);
        for (long id : List.of(annas.get(90), annas.get(60), annas.get(70), annas.get(10), boriss.get(80), boriss.get(50))) {
            record(id);
        }
        lead(annas.get(90), anna, campaignA);
        lead(boriss.get(50), boris, campaignB);

        List<Map<String, Object>> sample = sample(user(supervisor), day, anna, boris);
        assertThat(field(sample, "operator")).containsExactly(anna, anna, boris, boris);
        List<Map<String, Object>> annasSample = of(sample, anna);
        assertThat(field(annasSample, "successful")).containsExactlyInAnyOrder(true, false);
        Map<String, Object> success = annasSample.stream().filter(e -> (Boolean) e.get("successful")).findFirst()
                .orElseThrow();
        assertThat(((Number) success.get("callId")).longValue()).isEqualTo(annas.get(90));
        assertThat(success).containsEntry("extension", annaExtension).containsEntry("campaign", campaignA)
                .containsEntry("talkSeconds", 90).containsEntry("reviewed", false)
                .containsEntry("recording", "/api/calls/" + annas.get(90) + "/recording")
                .containsEntry("startedAt", day + "T07:00:00Z");
        // the short call (10 s) and the call without a recording (120 s) are never offered
        assertThat(field(sample, "callId")).doesNotContain(annas.get(10).intValue(), annas.get(120).intValue());
        assertThat(field(of(sample, boris), "callId")).containsExactly(boriss.get(80).intValue(), boriss.get(50).intValue());
        assertThat(field(of(sample, boris), "successful")).containsExactly(false, true);

        assertThat(sample(user(supervisor), day, anna, boris)).isEqualTo(sample);
        assertThat(sample(admin(), day, anna, boris)).isEqualTo(sample);
        admin().get((String) success.get("recording")).then().statusCode(200).contentType("audio/wav");

        // a client sees a sample of its own calls only
        List<Map<String, Object>> alphas = sample(user(alphaUser), day, anna, boris);
        assertThat(field(alphas, "operator")).containsOnly(anna);
        assertThat(field(alphas, "campaign")).containsOnly(campaignA);
        assertThat(sample(user(betaUser), day, anna, boris)).extracting(e -> e.get("operator")).containsOnly(boris);

        // the sample size is a setting: three of anna's four offered calls, both of boris's
        restoringSettings(() -> {
            JsonPath settings = admin().get("/api/reports/settings").then().extract().jsonPath();
            Map<String, Object> change = new HashMap<>(settings.getMap("$"));
            change.put("qaSampleSize", 3);
            admin().body(change).put("/api/reports/settings").then().statusCode(200).body("qaSampleSize", equalTo(3));
            List<Map<String, Object>> three = sample(user(supervisor), day, anna, boris);
            assertThat(of(three, anna)).hasSize(3).extracting(e -> e.get("callId"))
                    .containsAll(field(annasSample, "callId"))
                    .containsAnyOf(annas.get(60).intValue(), annas.get(70).intValue());
            assertThat(of(three, boris)).hasSize(2);
            return null;
        });

        user(supervisor).get("/api/qa/sample").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("date"));
        user(supervisor).queryParam("date", "05.10.2026").get("/api/qa/sample").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        user(anna).queryParam("date", day.toString()).get("/api/qa/sample").then().statusCode(403);
    }

    @Test
    void scorecardsAreValidatedAndVersionedAndReviewsKeepWhatTheyWereScoredWith() {
        LocalDate day = LocalDate.of(2026, 10, 6);
        long call = calls(anna, annaExtension, campaignA, day, 90).get(90);
        record(call);

        JsonPath created = user(supervisor).body(Map.of("name", unique("Inbound"), "passMark", 80, "criteria",
                List.of(criterion("GREETING", "Greets", 5, false), criterion("POLITENESS", "Polite", 5, true))))
                .post("/api/qa/scorecards").then().statusCode(201)
                .header("Location", startsWith(Api.BASE + "/api/qa/scorecards/"))
                .body("passMark", equalTo(80.0f)).body("active", equalTo(true)).body("version", equalTo(0))
                .body("criteria.code", equalTo(List.of("GREETING", "POLITENESS")))
                .body("criteria[1].fatal", equalTo(true)).extract().jsonPath();
        long id = created.getLong("id");
        Map<String, Object> definition = new HashMap<>(created.getMap("$"));

        user(supervisor).body(Map.of("name", "", "passMark", 120, "criteria", List.of(
                criterion("A", "a", 0, false), criterion("A", "b", 1, false)))).post("/api/qa/scorecards").then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("criteria[0].points", "name", "passMark")));
        user(supervisor).body(Map.of("name", unique("Twice"), "passMark", 50, "criteria", List.of(
                criterion("A", "a", 1, false), criterion("A", "b", 1, false)))).post("/api/qa/scorecards").then()
                .statusCode(400).body("violations[0].field", equalTo("criteria[1].code"));
        user(supervisor).body(Map.of("name", created.getString("name"), "passMark", 50, "criteria",
                List.of(criterion("A", "a", 1, false)))).post("/api/qa/scorecards").then().statusCode(409);
        user(supervisor).body("{\"name\":\"X\",\"passMark\":\"high\",\"criteria\":[]}").post("/api/qa/scorecards")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        user(alphaUser).get("/api/qa/scorecards/" + id).then().statusCode(200).body("name", equalTo(created.getString("name")));
        user(alphaUser).body(definition).post("/api/qa/scorecards").then().statusCode(403);
        user(anna).get("/api/qa/scorecards").then().statusCode(403);

        long first = review(user(supervisor), call, id, Map.of("GREETING", 5, "POLITENESS", 0), null).then()
                .statusCode(201).body("verdict", equalTo("BAD")).body("score", equalTo(50.0f))
                .extract().jsonPath().getLong("id");

        // an edit with the version read; a stale version is refused
        definition.remove("id");
        definition.remove("createdBy");
        definition.remove("createdAt");
        definition.put("passMark", 40);
        definition.put("criteria", List.of(criterion("GREETING", "Greets warmly", 10, false)));
        user(supervisor).body(definition).put("/api/qa/scorecards/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("passMark", equalTo(40.0f)).body("criteria.size()", equalTo(1));
        user(supervisor).body(definition).put("/api/qa/scorecards/" + id).then().statusCode(409).contentType(PROBLEM_JSON);
        definition.remove("version");
        user(supervisor).body(definition).put("/api/qa/scorecards/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
        user(supervisor).get("/api/qa/scorecards/99999999").then().statusCode(404);

        // the review still shows the scorecard it was scored with
        admin().get("/api/qa/reviews/" + first).then().statusCode(200)
                .body("passMark", equalTo(80.0f)).body("scorecardVersion", equalTo(0))
                .body("criteria.code", equalTo(List.of("GREETING", "POLITENESS")))
                .body("criteria.scored", equalTo(List.of(5, 0))).body("verdict", equalTo("BAD"));
        review(user(supervisor), call, id, Map.of("GREETING", 10), null).then().statusCode(201)
                .body("verdict", equalTo("GOOD")).body("score", equalTo(100.0f));
    }

    @Test
    void reviewsAreFinalCorrectionsAreNewReviewsAndClientsStayWithTheirOwnCalls() {
        LocalDate day = LocalDate.of(2026, 10, 7);
        Map<Integer, Long> annas = calls(anna, annaExtension, campaignA, day, 90, 60, 40);
        long borisCall = calls(boris, borisExtension, campaignB, day, 80).get(80);
        record(annas.get(90));
        record(annas.get(60));
        record(borisCall);
        long scorecard = salesScorecard(supervisor, 80);
        long call = annas.get(90);

        Response written = review(user(supervisor), call, scorecard, scores(2, 4, 4, 4, 4, 0), null);
        written.then().statusCode(201).header("Location", startsWith(Api.BASE + "/api/qa/reviews/"))
                .body("callId", equalTo((int) call)).body("operator", equalTo(anna))
                .body("scorecardId", equalTo((int) scorecard)).body("score", equalTo(90.0f))
                .body("verdict", equalTo("BAD")).body("reviewer", equalTo(supervisor))
                .body("corrects", equalTo(null)).body("at", startsWith(String.valueOf(LocalDate.now().getYear())));
        long first = written.jsonPath().getLong("id");

        // final: no change, no deletion
        user(supervisor).body(Map.of("comment", "x")).put("/api/qa/reviews/" + first).then().statusCode(405)
                .contentType(PROBLEM_JSON);
        user(supervisor).delete("/api/qa/reviews/" + first).then().statusCode(405);
        admin().delete("/api/qa/reviews/" + first).then().statusCode(405);

        // every criterion, within its points
        review(user(supervisor), call, scorecard, Map.of("GREETING", 3, "NEEDS", 4, "PRODUCT", 4, "OBJECTIONS", 4,
                "NEXT_STEP", -1, "SMILE", 1), null).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("scores.GREETING", "scores.NEXT_STEP", "scores.POLITENESS",
                        "scores.SMILE")));
        review(user(supervisor), call, scorecard, Map.of("GREETING", 1.5), null).then().statusCode(400);
        review(user(supervisor), 99_999_999L, scorecard, scores(2, 4, 4, 4, 4, 2), null).then().statusCode(404);
        review(user(supervisor), annas.get(40), scorecard, scores(2, 4, 4, 4, 4, 2), null).then().statusCode(400)
                .body("violations[0].field", equalTo("callId"));
        review(user(supervisor), call, 99_999_999L, scores(2, 4, 4, 4, 4, 2), null).then().statusCode(400)
                .body("violations[0].field", equalTo("scorecardId"));
        user(supervisor).body(Map.of("callId", call)).post("/api/qa/reviews").then().statusCode(400)
                .body("violations.field", equalTo(List.of("scorecardId", "scores")));

        // a correction is a new review of the same call; a review is corrected once
        long correction = review(user(supervisor), call, scorecard, scores(2, 4, 4, 4, 4, 1), first).then()
                .statusCode(201).body("corrects", equalTo((int) first)).body("verdict", equalTo("GOOD"))
                .body("score", equalTo(95.0f)).extract().jsonPath().getLong("id");
        review(user(supervisor), call, scorecard, scores(2, 4, 4, 4, 4, 2), first).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        review(user(supervisor), annas.get(60), scorecard, scores(2, 4, 4, 4, 4, 2), correction).then().statusCode(400)
                .body("violations[0].field", equalTo("corrects"));
        JsonPath history = admin().queryParam("callId", call).queryParam("sort", "at").get("/api/qa/reviews").then()
                .statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(history.getList("items.id", Long.class)).containsExactly(first, correction);
        assertThat(history.getLong("items[0].correctedBy")).isEqualTo(correction);
        assertThat(history.getString("items[1].correctedBy")).isNull();
        admin().get("/api/qa/reviews/" + first).then().body("score", equalTo(90.0f)).body("verdict", equalTo("BAD"));
        assertThat(sample(user(supervisor), day, anna).stream().filter(e -> e.get("callId").equals((int) call))
                .map(e -> e.get("reviewed")).toList()).containsOnly(true);

        // a client reviews its own client's calls; another client's call is not there for it
        long borisReview = review(user(supervisor), borisCall, scorecard, scores(2, 4, 4, 4, 4, 2), null).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        review(user(alphaUser), borisCall, scorecard, scores(2, 4, 4, 4, 4, 2), null).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        user(alphaUser).get("/api/qa/reviews/" + borisReview).then().statusCode(404);
        user(betaUser).get("/api/qa/reviews/" + borisReview).then().statusCode(200).body("operator", equalTo(boris));
        assertThat(user(alphaUser).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("size", 500).get("/api/qa/reviews").then().statusCode(200).extract().jsonPath()
                .getList("items.callId", Long.class)).contains(call).doesNotContain(borisCall);
        assertThat(user(alphaUser).queryParam("callId", borisCall).get("/api/qa/reviews").then().extract().jsonPath()
                .getInt("total")).isZero();
        user(alphaUser).queryParam("callId", "first").get("/api/qa/reviews").then().statusCode(400)
                .body("violations[0].field", equalTo("callId"));
        long clientReview = review(user(alphaUser), annas.get(60), scorecard, scores(1, 2, 2, 2, 2, 2), null).then()
                .statusCode(201).body("reviewer", equalTo(alphaUser)).body("verdict", equalTo("BAD"))
                .extract().jsonPath().getLong("id");
        review(user(alphaUser), call, scorecard, scores(2, 4, 4, 4, 4, 2), correction).then().statusCode(403);
        review(user(alphaUser), annas.get(60), scorecard, scores(2, 4, 4, 4, 4, 2), clientReview).then().statusCode(201)
                .body("corrects", equalTo((int) clientReview));
        review(user(anna), call, scorecard, scores(2, 4, 4, 4, 4, 2), null).then().statusCode(403);
    }

    @Test
    void theQaReportCountsTheLastCorrectionPerOperatorAndExportsCsvAndXlsx() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 8);
        Map<Integer, Long> annas = calls(anna, annaExtension, campaignA, day, 91, 92, 93);
        Map<Integer, Long> boriss = calls(boris, borisExtension, campaignB, day, 81, 82);
        annas.values().forEach(QaIT::record);
        boriss.values().forEach(QaIT::record);
        long scorecard = user(supervisor).body(Map.of("name", unique("Short"), "passMark", 70, "criteria", List.of(
                criterion("A", "Asks", 10, false), criterion("B", "Behaves", 10, true))))
                .post("/api/qa/scorecards").then().statusCode(201).extract().jsonPath().getLong("id");
        review(user(supervisor), annas.get(91), scorecard, Map.of("A", 10, "B", 10), null).then().statusCode(201); // 100 GOOD
        long wrong = review(user(supervisor), annas.get(92), scorecard, Map.of("A", 0, "B", 10), null).then()
                .statusCode(201).body("verdict", equalTo("BAD")).extract().jsonPath().getLong("id");               // 50 BAD
        review(user(supervisor), annas.get(92), scorecard, Map.of("A", 5, "B", 10), wrong).then().statusCode(201); // 75 GOOD
        review(user(supervisor), annas.get(93), scorecard, Map.of("A", 10, "B", 0), null).then().statusCode(201)
                .body("verdict", equalTo("BAD"));                                                                // 50 BAD, fatal
        review(user(betaUser), boriss.get(81), scorecard, Map.of("A", 10, "B", 10), null).then().statusCode(201); // 100 GOOD
        review(user(supervisor), boriss.get(82), scorecard, Map.of("A", 3, "B", 4), null).then().statusCode(201); // 35 BAD

        Map<String, Object> annaRow = Map.of("operator", anna, "reviews", 3, "averageScore", 75.0f, "good", 2, "bad", 1,
                "goodShare", 66.7f, "badShare", 33.3f);
        Map<String, Object> borisRow = Map.of("operator", boris, "reviews", 2, "averageScore", 67.5f, "good", 1, "bad", 1,
                "goodShare", 50.0f, "badShare", 50.0f);
        List<Map<String, Object>> all = report(admin(), day).get("/api/reports/qa").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(all).contains(annaRow, borisRow);
        assertThat(report(user(supervisor), day).queryParam("operator", anna).get("/api/reports/qa").then()
                .extract().jsonPath().getList("$")).containsExactly(annaRow);
        assertThat(report(admin(), day).queryParam("campaign", campaignB.toLowerCase()).get("/api/reports/qa").then()
                .statusCode(200).extract().jsonPath().getList("$")).containsExactly(borisRow);
        assertThat(report(admin(), day).queryParam("client", alpha).get("/api/reports/qa").then()
                .extract().jsonPath().getList("$")).containsExactly(annaRow);

        // a client sees its own client, and filters cannot widen that
        assertThat(report(user(alphaUser), day).get("/api/reports/qa").then().statusCode(200).extract().jsonPath()
                .getList("$")).containsExactly(annaRow);
        report(user(alphaUser), day).queryParam("client", beta).get("/api/reports/qa").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        report(user(alphaUser), day).queryParam("campaign", campaignB).get("/api/reports/qa").then().statusCode(404);
        report(user(alphaUser), day).queryParam("client", alpha).get("/api/reports/qa").then().statusCode(200);
        report(admin(), day).queryParam("client", 99_999_999).get("/api/reports/qa").then().statusCode(404);
        report(admin(), day).queryParam("client", "alpha").get("/api/reports/qa").then().statusCode(400)
                .body("violations[0].field", equalTo("client"));
        user(supervisor).queryParam("to", day.toString()).get("/api/reports/qa").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        user(supervisor).queryParam("from", day.toString()).queryParam("to", day.minusDays(1).toString())
                .get("/api/reports/qa").then().statusCode(400).body("violations[0].field", equalTo("to"));
        report(user(supervisor), day).queryParam("format", "pdf").get("/api/reports/qa").then().statusCode(400);
        report(user(anna), day).get("/api/reports/qa").then().statusCode(403);

        // CSV, by parameter and by Accept: header, typed numbers, totals last
        Response csv = report(admin(), day).queryParam("client", beta).queryParam("format", "csv").get("/api/reports/qa");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"qa-" + day + "-" + day + ".csv\""));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFoperator,reviews,average_score,good,bad,good_share,bad_share\r\n"
                + boris + ",2,67.5,1,1,50.0,50.0\r\n"
                + "Total,2,67.5,1,1,50.0,50.0\r\n");
        String both = new String(report(admin(), day).queryParam("campaign", campaignA).header("Accept", "text/csv")
                .get("/api/reports/qa").then().statusCode(200).contentType(startsWith("text/csv")).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(both.split("\r\n")).containsExactly(
                "\uFEFFoperator,reviews,average_score,good,bad,good_share,bad_share",
                anna + ",3,75.0,2,1,66.7,33.3",
                "Total,3,75.0,2,1,66.7,33.3");

        // XLSX by Accept: numbers as numbers, the totals row outside the autofilter
        byte[] xlsx = report(user(supervisor), day).queryParam("operator", anna)
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/reports/qa").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("average_score");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(anna);
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(75.0);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(66.7);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G2");
        }

        // the period is of calls: the day before has nothing of these operators
        assertThat(user(supervisor).queryParam("from", day.minusDays(1).toString())
                .queryParam("to", day.minusDays(1).toString()).queryParam("operator", anna).get("/api/reports/qa")
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }

    private static RequestSpecification report(RequestSpecification who, LocalDate day) {
        return who.queryParam("from", day.toString()).queryParam("to", day.toString());
    }

    @Test
    void reportingSettingsAreReadBySupervisorsAndChangedByAdminsWithTheVersion() {
        restoringSettings(() -> {
            JsonPath read = user(supervisor).get("/api/reports/settings").then().statusCode(200)
                    .body("qaSampleSize", equalTo(2)).extract().jsonPath();
            assertThat(read.getMap("$")).containsKeys("qaSampleSize", "digestTime", "digestEnabled", "recipients",
                    "version");
            Map<String, Object> change = new HashMap<>(read.getMap("$"));
            change.put("digestTime", "06:30");
            change.put("digestEnabled", false);
            change.put("recipients", List.of(Map.of("clientId", alpha, "emails", List.of("Boss@Alpha.example",
                    "boss@alpha.example", "deputy@alpha.example"))));
            user(supervisor).body(change).put("/api/reports/settings").then().statusCode(403);
            JsonPath changed = admin().body(change).put("/api/reports/settings").then().statusCode(200)
                    .body("digestTime", equalTo("06:30")).body("digestEnabled", equalTo(false))
                    .body("recipients.clientId", equalTo(List.of((int) alpha)))
                    .body("recipients[0].emails", equalTo(List.of("boss@alpha.example", "deputy@alpha.example")))
                    .extract().jsonPath();
            assertThat(changed.getLong("version")).isEqualTo(read.getLong("version") + 1);
            admin().body(change).put("/api/reports/settings").then().statusCode(409).contentType(PROBLEM_JSON);

            // only the recipients change: the version moves too
            change.put("version", changed.getLong("version"));
            change.put("recipients", List.of(Map.of("clientId", beta, "emails", List.of("qa@beta.example"))));
            admin().body(change).put("/api/reports/settings").then().statusCode(200)
                    .body("version", equalTo((int) changed.getLong("version") + 1))
                    .body("recipients.clientId", equalTo(List.of((int) beta)));

            Map<String, Object> bad = new HashMap<>(change);
            bad.put("qaSampleSize", 0);
            bad.put("version", changed.getLong("version") + 1);
            admin().body(bad).put("/api/reports/settings").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", equalTo(List.of("qaSampleSize")));
            bad.put("qaSampleSize", 2);
            bad.put("recipients", List.of(Map.of("clientId", 99_999_999, "emails", List.of("nobody"))));
            admin().body(bad).put("/api/reports/settings").then().statusCode(400)
                    .body("violations.field", equalTo(List.of("recipients[0].clientId", "recipients[0].emails[0]")));
            bad.put("digestTime", "25:00");
            admin().body(bad).put("/api/reports/settings").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("digestTime"));
            user(alphaUser).get("/api/reports/settings").then().statusCode(403);
            return null;
        });
    }
}
