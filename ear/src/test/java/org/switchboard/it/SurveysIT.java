package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Surveys over HTTP: questionnaires checked and versioned, interviews with branching, resume, quotas. */
@ExtendWith(ArquillianExtension.class)
class SurveysIT {

    private String marketer;
    private String operator;
    private long client;
    private String campaign;
    private long campaignId;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        client = createClient(unique("Survey Client"));
        campaign = unique("SRV").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Market mood", "type", "SURVEY", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    static Map<String, Object> question(String code, String kind, Object... more) {
        Map<String, Object> q = new HashMap<>();
        q.put("code", code);
        q.put("text", "Question " + code);
        q.put("kind", kind);
        for (int i = 0; i < more.length; i += 2) {
            q.put((String) more[i], more[i + 1]);
        }
        return q;
    }

    static List<Map<String, String>> options(String... codes) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String code : codes) {
            list.add(Map.of("code", code, "text", code.toUpperCase()));
        }
        return list;
    }

    /** Q1 yes/no (no → Q4), Q2 how many (1–100), Q3 which (optional; "c" ends it), Q4 NPS 0–10. */
    private Map<String, Object> survey(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Market mood", "intro", "Good afternoon! Two minutes?",
                "campaign", campaign, "questions", List.of(
                        question("Q1", "SINGLE", "options", options("yes", "no"), "branches",
                                List.of(Map.of("answer", "no", "goTo", "Q4"))),
                        question("Q2", "NUMBER", "min", 1, "max", 100),
                        question("Q3", "MULTIPLE", "required", false, "options", options("a", "b", "c"), "branches",
                                List.of(Map.of("answer", "c", "goTo", "END"))),
                        question("Q4", "SCALE", "min", 0, "max", 10))));
        body.putAll(extra);
        return body;
    }

    private long publishedSurvey(Map<String, Object> extra) {
        long id = as(marketer, marketer + "-pw").body(survey(extra)).post("/api/surveys").then().statusCode(201)
                .body("state", equalTo("DRAFT")).extract().jsonPath().getLong("id");
        as(marketer, marketer + "-pw").post("/api/surveys/" + id + "/publish").then().statusCode(200)
                .body("liveVersion", equalTo(1));
        return id;
    }

    private static long contact(String name, String city) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber()))));
        if (city != null) {
            body.put("city", city);
        }
        return admin().body(body).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath answer(long response, String question, Object value) {
        return as(operator, operator + "-pw").body(Map.of("question", question, "value", value))
                .post("/api/responses/" + response + "/answers").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath start(long survey, long contact) {
        return as(operator, operator + "-pw").body(Map.of("contactId", contact)).post("/api/surveys/" + survey + "/responses")
                .then().extract().jsonPath();
    }

    @Test
    void aBranchToAMissingQuestionOrALoopIsRejected() {
        Map<String, Object> missing = survey(Map.of("questions", List.of(
                question("Q1", "SINGLE", "options", options("yes", "no"), "branches", List.of(Map.of("answer", "no", "goTo", "Q9"))),
                question("Q2", "TEXT"))));
        as(marketer, marketer + "-pw").body(missing).post("/api/surveys").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("questions[0].branches[0].goTo"))
                .body("violations[0].message", equalTo("names no question: 'Q9'"));
        Map<String, Object> loop = survey(Map.of("questions", List.of(
                question("Q1", "SINGLE", "options", options("yes", "no")),
                question("Q2", "SINGLE", "options", options("a", "b"), "branches", List.of(Map.of("answer", "b", "goTo", "Q1"))))));
        String detail = as(marketer, marketer + "-pw").body(loop).post("/api/surveys").then().statusCode(400)
                .extract().asString();
        assertThat(detail).contains("loop").contains("Q1 → Q2 → Q1");
        as(operator, operator + "-pw").body(survey(Map.of())).post("/api/surveys").then().statusCode(403);
    }

    @Test
    void aFullInterviewFollowsTheBranchesAndChecksEveryAnswer() {
        long survey = publishedSurvey(Map.of());
        long contact = contact("Respondent One", null);
        JsonPath started = start(survey, contact);
        long response = started.getLong("id");
        assertThat(started.getString("next.code")).isEqualTo("Q1");
        assertThat(started.getList("next.options.code")).containsExactly("yes", "no");

        as(operator, operator + "-pw").body(Map.of("question", "Q1", "value", "maybe")).post("/api/responses/" + response
                + "/answers").then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("value"))
                .body("violations[0].message", equalTo("is not an option of Q1: 'maybe'; options: [yes, no]"));
        as(operator, operator + "-pw").body(Map.of("question", "Q2", "value", 5)).post("/api/responses/" + response
                + "/answers").then().statusCode(409);
        assertThat(answer(response, "Q1", "yes").getString("next.code")).isEqualTo("Q2");
        as(operator, operator + "-pw").body(Map.of("question", "Q2", "value", 101)).post("/api/responses/" + response
                + "/answers").then().statusCode(400).body("violations[0].message", equalTo("must be between 1 and 100"));
        assertThat(answer(response, "Q2", 12).getString("next.code")).isEqualTo("Q3");
        JsonPath done = answer(response, "Q3", List.of("a", "c"));
        assertThat(done.getBoolean("complete")).isTrue();
        admin().get("/api/responses/" + response).then().statusCode(200).body("state", equalTo("COMPLETE"))
                .body("answers.value", equalTo(List.of("yes", "12", "a;c")));

        // "no" skips to the NPS question
        long other = start(survey, contact("Respondent Two", null)).getLong("id");
        assertThat(answer(other, "Q1", "no").getString("next.code")).isEqualTo("Q4");
        assertThat(answer(other, "Q4", 9).getBoolean("complete")).isTrue();
    }

    @Test
    void aDroppedCallKeepsThePartialResponseAndTheNextCallResumesIt() {
        long survey = publishedSurvey(Map.of());
        long contact = contact("Dropped Caller", null);
        JsonPath first = start(survey, contact);
        answer(first.getLong("id"), "Q1", "yes");
        JsonPath again = as(operator, operator + "-pw").body(Map.of("contactId", contact)).post("/api/surveys/" + survey
                + "/responses").then().statusCode(200).extract().jsonPath();
        assertThat(again.getLong("id")).isEqualTo(first.getLong("id"));
        assertThat(again.getBoolean("resumed")).isTrue();
        assertThat(again.getString("next.code")).isEqualTo("Q2");
    }

    @Test
    void editingALiveSurveyMakesANewVersionAndAnswersKeepTheirs() {
        long survey = publishedSurvey(Map.of());
        long response = start(survey, contact("Early Bird", null)).getLong("id");
        answer(response, "Q1", "no");
        JsonPath current = as(marketer, marketer + "-pw").get("/api/surveys/" + survey).then().extract().jsonPath();
        Map<String, Object> edited = survey(Map.of("title", "Market mood, v2", "version", current.getLong("version"),
                "questions", List.of(question("Q1", "SINGLE", "options", options("yes", "no", "unsure")),
                        question("Q4", "SCALE", "min", 0, "max", 10))));
        as(marketer, marketer + "-pw").body(edited).put("/api/surveys/" + survey).then().statusCode(200)
                .body("versionNumber", equalTo(2)).body("state", equalTo("DRAFT")).body("liveVersion", equalTo(1));
        // the live version stays readable as it was written while the next one is drafted
        JsonPath live = as(marketer, marketer + "-pw").get("/api/surveys/" + survey + "/versions/1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(live.getString("state")).isEqualTo("PUBLISHED");
        assertThat(live.getList("questions.code")).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(live.getString("questions[0].branches[0].goTo")).isEqualTo("Q4");
        assertThat(live.getString("intro")).isEqualTo("Good afternoon! Two minutes?");
        assertThat(live.getInt("responses")).isEqualTo(1);
        as(marketer, marketer + "-pw").get("/api/surveys/" + survey + "/versions/2").then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("questions.code", equalTo(List.of("Q1", "Q4")));
        as(marketer, marketer + "-pw").get("/api/surveys/" + survey + "/versions/3").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        long otherClient = createClient(unique("Other Survey Client"));
        String outsider = unique("cli");
        createUser(outsider, List.of("CLIENT"), null, otherClient);
        as(outsider, outsider + "-pw").get("/api/surveys/" + survey + "/versions/1").then().statusCode(404);
        // a second editor who read the survey before that edit is told so, and nothing of the first edit is lost
        as(marketer, marketer + "-pw").body(edited).put("/api/surveys/" + survey).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        // an operator of another campaign neither reads nor answers this interview
        String stranger = unique("op");
        createUser(stranger, List.of("OPERATOR"), freeExtension(), null);
        as(stranger, stranger + "-pw").get("/api/responses/" + response).then().statusCode(404);
        as(stranger, stranger + "-pw").body(Map.of("question", "Q4", "value", 3)).post("/api/responses/" + response
                + "/answers").then().statusCode(404);
        // the interview on version 1 goes on by version 1's questions
        assertThat(answer(response, "Q4", 10).getBoolean("complete")).isTrue();
        as(marketer, marketer + "-pw").post("/api/surveys/" + survey + "/publish").then().statusCode(200)
                .body("liveVersion", equalTo(2));
        long fresh = start(survey, contact("Late Bird", null)).getLong("id");
        assertThat(answer(fresh, "Q1", "unsure").getString("next.code")).isEqualTo("Q4");
        admin().get("/api/responses/" + response).then().body("version", equalTo(1));
        admin().get("/api/responses/" + fresh).then().body("version", equalTo(2));
        as(marketer, marketer + "-pw").post("/api/surveys/" + survey + "/publish").then().statusCode(409);
    }

    @Test
    void aFullQuotaEndsMatchingInterviewsAndStopsOfferingMatchingContacts() {
        long survey = publishedSurvey(Map.of("quotas", List.of(
                Map.of("code", "YES", "name", "Said yes", "limit", 1, "question", "Q1", "answer", "yes"),
                Map.of("code", "SPB", "name", "St. Petersburg", "limit", 1, "attribute", "city", "value", "Saint Petersburg"))));
        long spb1 = contact("Petersburg One", "Saint Petersburg");
        long r1 = start(survey, spb1).getLong("id");
        answer(r1, "Q1", "yes");
        answer(r1, "Q2", 3);
        assertThat(answer(r1, "Q3", List.of("b")).getString("next.code")).isEqualTo("Q4");
        assertThat(answer(r1, "Q4", 8).getBoolean("complete")).isTrue();

        // the "yes" quota is full: a second "yes" ends the interview
        long r2 = start(survey, contact("Moscow Yes", "Moscow")).getLong("id");
        JsonPath closed = answer(r2, "Q1", "yes");
        assertThat(closed.getBoolean("complete")).isTrue();
        assertThat(closed.getBoolean("quotaFull")).isTrue();
        assertThat(closed.getString("quota")).isEqualTo("YES");

        // the St. Petersburg quota is full: such a contact ends at once, and the queue no longer offers them
        long spb2 = contact("Petersburg Two", "Saint Petersburg");
        JsonPath refused = as(operator, operator + "-pw").body(Map.of("contactId", spb2)).post("/api/surveys/" + survey
                + "/responses").then().statusCode(201).extract().jsonPath();
        assertThat(refused.getBoolean("quotaFull")).isTrue();
        assertThat(refused.getString("quota")).isEqualTo("SPB");
        long spb3 = contact("Petersburg Three", "Saint Petersburg");
        long moscow = contact("Moscow Maybe", "Moscow");
        admin().body(Map.of("contactIds", List.of(spb1, spb3, moscow))).post("/api/campaigns/" + campaignId + "/list")
                .then().statusCode(200);
        admin().body(Map.of("now", "2026-12-01T12:00:00+03:00")).put("/api/system/clock").then().statusCode(200);
        JsonPath offered = as(operator, operator + "-pw").post("/api/campaigns/" + campaignId + "/next").then()
                .statusCode(200).extract().jsonPath();
        assertThat(offered.getLong("contactId")).isEqualTo(moscow);
    }
}
