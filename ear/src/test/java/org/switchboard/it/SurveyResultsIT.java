package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Survey results over HTTP, on interviews run through the API on two days of a moved clock: the figures per
 * question and quota, the response rate against the call list, filters, cross-tabs, the CSV and XLSX export, and
 * a client who sees its own survey's results and nobody else's.
 */
@ExtendWith(ArquillianExtension.class)
class SurveyResultsIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private String marketer;
    private String operator;
    private String clientUser;
    private String strangerUser;
    private long campaignId;
    private long survey;
    private final Map<String, Long> responses = new HashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static RequestSpecification user(String name) {
        return as(name, name + "-pw");
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private static Map<String, Object> question(String code, String kind, Object... more) {
        Map<String, Object> q = new HashMap<>(Map.of("code", code, "text", "Question " + code, "kind", kind));
        for (int i = 0; i < more.length; i += 2) {
            q.put((String) more[i], more[i + 1]);
        }
        return q;
    }

    private static List<Map<String, String>> options(String... codes) {
        return Arrays.stream(codes).map(c -> Map.of("code", c, "text", c.toUpperCase())).toList();
    }

    private static long contact(String name, String city) {
        return admin().body(Map.of("fullName", name, "city", city, "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber())))).post("/api/contacts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Runs an interview: question code, value, … (null skips an optional question); returns the response id. */
    private long interview(long contact, Object... answers) {
        long response = user(operator).body(Map.of("contactId", contact)).post("/api/surveys/" + survey + "/responses")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < answers.length; i += 2) {
            Map<String, Object> body = new HashMap<>();
            body.put("question", answers[i]);
            body.put("value", answers[i + 1]);
            user(operator).body(body).post("/api/responses/" + response + "/answers").then().statusCode(200);
        }
        return response;
    }

    @BeforeEach
    void interviews() {
        marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        long client = createClient(unique("Results Client"));
        clientUser = unique("cli");
        createUser(clientUser, List.of("CLIENT"), null, client);
        strangerUser = unique("stranger");
        createUser(strangerUser, List.of("CLIENT"), null, createClient(unique("Other Client")));
        String campaign = unique("RES").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Results", "type", "SURVEY", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Map<String, Object> body = new HashMap<>(Map.of("title", "Market mood", "campaign", campaign, "questions", List.of(
                question("Q1", "SINGLE", "options", options("yes", "no")),
                question("Q2", "MULTIPLE", "required", false, "options", options("a", "b", "c")),
                question("Q3", "NUMBER", "min", 1, "max", 100),
                question("Q4", "SCALE", "min", 0, "max", 10)), "quotas", List.of(
                Map.of("code", "MSK", "name", "Moscow", "limit", 2, "attribute", "city", "value", "Moscow"),
                Map.of("code", "YES", "name", "Knows us", "limit", 5, "question", "Q1", "answer", "yes")),
                "targetCompletes", 20));
        survey = user(marketer).body(body).post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        user(marketer).post("/api/surveys/" + survey + "/publish").then().statusCode(200);

        long moscow1 = contact("Moscow One", "Moscow");
        long moscow2 = contact("Moscow Two", "Moscow");
        long kazan1 = contact("Kazan One", "Kazan");
        long kazan2 = contact("Kazan Two", "Kazan");
        clock("2026-12-01T12:00:00+03:00");
        responses.put("r1", interview(moscow1, "Q1", "yes", "Q2", List.of("a", "b"), "Q3", 10, "Q4", 10));
        responses.put("r2", interview(moscow2, "Q1", "no", "Q2", List.of("a"), "Q3", 20, "Q4", 6));
        clock("2026-12-02T12:00:00+03:00");
        responses.put("r3", interview(kazan1, "Q1", "yes", "Q2", null, "Q3", 30, "Q4", 9));
        responses.put("r4", interview(kazan2, "Q1", "yes"));

        // one more contact on the call list, tried once without an answer
        long untried = contact("Never Answers", "Kazan");
        admin().body(Map.of("contactIds", List.of(untried))).post("/api/campaigns/" + campaignId + "/list").then()
                .statusCode(200);
        JsonPath offer = user(operator).post("/api/campaigns/" + campaignId + "/next").then().statusCode(200)
                .extract().jsonPath();
        assertThat(offer.getLong("contactId")).isEqualTo(untried);
        user(operator).body(Map.of("outcome", "NO_ANSWER"))
                .post("/api/campaigns/" + campaignId + "/entries/" + offer.getLong("id") + "/outcome").then().statusCode(200);
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private JsonPath results(RequestSpecification who, String query) {
        return who.get("/api/surveys/" + survey + "/results" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void resultsCountCompletesPerQuestionAndQuota() {
        JsonPath r = results(user(marketer), "");
        assertThat(r.getLong("surveyId")).isEqualTo(survey);
        assertThat(r.getString("title")).isEqualTo("Market mood");
        assertThat(r.getInt("completes")).isEqualTo(3);
        assertThat(r.getInt("inProgress")).isEqualTo(1);
        // the survey itself (and the list) carries the same count, so a list needs no results per row
        user(marketer).get("/api/surveys/" + survey).then().statusCode(200).body("completes", equalTo(3));
        assertThat(r.getInt("quotaFull")).isZero();
        // four interviewed, one more tried from the call list
        assertThat(r.getInt("contacted")).isEqualTo(5);
        assertThat(r.getDouble("responseRate")).isEqualTo(60.0);
        assertThat(r.getInt("targetCompletes")).isEqualTo(20);
        assertThat(r.getList("quotas.code")).containsExactly("MSK", "YES");
        assertThat(r.getList("quotas.completes", Integer.class)).containsExactly(2, 2);
        assertThat(r.getList("quotas.full", Boolean.class)).containsExactly(true, false);
        assertThat(r.getList("questions.code")).containsExactly("Q1", "Q2", "Q3", "Q4");

        assertThat(r.getInt("questions[0].answered")).isEqualTo(3);
        assertThat(r.getMap("questions[0].counts")).containsExactly(Map.entry("yes", 2), Map.entry("no", 1));
        assertThat(r.getDouble("questions[0].percentages.yes")).isEqualTo(66.7);
        assertThat(r.getDouble("questions[0].percentages.no")).isEqualTo(33.3);
        assertThat(r.getMap("questions[0]")).doesNotContainKeys("mean", "median", "nps");

        assertThat(r.getInt("questions[1].answered")).isEqualTo(2);
        assertThat(r.getMap("questions[1].counts")).containsExactly(Map.entry("a", 2), Map.entry("b", 1),
                Map.entry("c", 0));
        assertThat(r.getDouble("questions[1].percentages.a")).isEqualTo(100.0);
        assertThat(r.getDouble("questions[1].percentages.b")).isEqualTo(50.0);

        assertThat(r.getMap("questions[2]")).doesNotContainKeys("counts", "percentages", "nps");
        assertThat(r.getDouble("questions[2].mean")).isEqualTo(20.0);
        assertThat(r.getDouble("questions[2].median")).isEqualTo(20.0);
        // the numbers given, for a histogram
        assertThat(r.getMap("questions[2].distribution")).containsExactly(Map.entry("10", 1), Map.entry("20", 1),
                Map.entry("30", 1));
        assertThat(r.getMap("questions[3]")).doesNotContainKey("distribution");

        assertThat(r.getMap("questions[3].counts")).hasSize(11).containsEntry("10", 1).containsEntry("9", 1)
                .containsEntry("6", 1).containsEntry("0", 0);
        assertThat(r.getDouble("questions[3].mean")).isEqualTo(8.33);
        assertThat(r.getDouble("questions[3].median")).isEqualTo(9.0);
        assertThat(r.getInt("questions[3].nps.promoters")).isEqualTo(2);
        assertThat(r.getInt("questions[3].nps.passives")).isZero();
        assertThat(r.getInt("questions[3].nps.detractors")).isEqualTo(1);
        assertThat(r.getDouble("questions[3].nps.score")).isEqualTo(33.3);
    }

    @Test
    void filtersNarrowTheInterviewsByCallCentreDayAndOperator() {
        JsonPath second = results(user(marketer), "?from=2026-12-02&to=2026-12-02");
        assertThat(second.getInt("completes")).isEqualTo(1);
        assertThat(second.getInt("inProgress")).isEqualTo(1);
        assertThat(second.getMap("questions[0].counts")).containsExactly(Map.entry("yes", 1), Map.entry("no", 0));
        assertThat(second.getDouble("responseRate")).as("the whole survey's").isEqualTo(60.0);
        assertThat(results(user(marketer), "?to=2026-12-01").getInt("completes")).isEqualTo(2);
        assertThat(results(user(marketer), "?operator=" + operator).getInt("completes")).isEqualTo(3);
        assertThat(results(user(marketer), "?operator=nobody").getInt("completes")).isZero();
        String bad = user(marketer).get("/api/surveys/" + survey + "/results?from=01.12.2026").then().statusCode(400)
                .contentType(PROBLEM_JSON).extract().jsonPath().getString("violations[0].field");
        assertThat(bad).isEqualTo("from");
        user(marketer).get("/api/surveys/" + survey + "/results?from=2026-12-02&to=2026-12-01").then().statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void crossTabsOfQuestionsAndContactAttributes() {
        JsonPath byCity = user(marketer).get("/api/surveys/" + survey + "/results/crosstab?row=Q1&column=attribute:city")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byCity.getString("row")).isEqualTo("Q1");
        assertThat(byCity.getString("column")).isEqualTo("attribute:city");
        assertThat(byCity.getList("rows")).containsExactly("yes", "no");
        assertThat(byCity.getList("columns")).containsExactly("Kazan", "Moscow");
        assertThat(byCity.getList("cells")).containsExactly(List.of(1, 1), List.of(0, 1));
        assertThat(byCity.getInt("total")).isEqualTo(3);

        JsonPath multiple = user(marketer).get("/api/surveys/" + survey + "/results/crosstab?row=Q2&column=Q1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(multiple.getList("rows")).containsExactly("a", "b", "c");
        assertThat(multiple.getList("cells")).containsExactly(List.of(1, 1), List.of(1, 0), List.of(0, 0));
        assertThat(multiple.getList("rowTotals", Integer.class)).containsExactly(2, 1, 0);
        assertThat(multiple.getList("columnTotals", Integer.class)).containsExactly(1, 1);
        assertThat(multiple.getInt("total")).isEqualTo(2);

        String number = user(marketer).get("/api/surveys/" + survey + "/results/crosstab?row=Q3&column=Q1").then()
                .statusCode(400).contentType(PROBLEM_JSON).extract().jsonPath().getString("detail");
        assertThat(number).contains("NUMBER");
        String unknown = user(marketer).get("/api/surveys/" + survey + "/results/crosstab?row=Q1&column=Q9").then()
                .statusCode(400).contentType(PROBLEM_JSON).extract().jsonPath().getString("detail");
        assertThat(unknown).contains("Q9");
    }

    @Test
    void theExportHasEveryResponseAsCsvAndXlsx() throws IOException {
        String csv = new String(user(marketer).get("/api/surveys/" + survey + "/export?format=csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFresponse_id,contact_id,operator,version,state,started_at,ended_at,Q1,Q2,Q3,Q4\r\n");
        List<String> lines = new ArrayList<>(List.of(csv.substring(1).split("\r\n")));
        assertThat(lines).hasSize(5);
        Map<Long, String[]> rows = new HashMap<>();
        lines.subList(1, lines.size()).forEach(line -> {
            String[] cells = line.split(",", -1);
            rows.put(Long.parseLong(cells[0]), cells);
        });
        assertThat(rows).containsOnlyKeys(responses.values());
        String[] r1 = rows.get(responses.get("r1"));
        assertThat(Arrays.copyOfRange(r1, 2, 5)).containsExactly(operator, "1", "COMPLETE");
        // times in the call-centre zone (Moscow), the clock having been moved to noon there
        assertThat(r1[5]).startsWith("2026-12-01 12:0");
        assertThat(r1[6]).startsWith("2026-12-01 12:0");
        assertThat(Arrays.copyOfRange(r1, 7, r1.length)).containsExactly("yes", "a;b", "10", "10");
        String[] r3 = rows.get(responses.get("r3"));
        assertThat(Arrays.copyOfRange(r3, 7, r3.length)).containsExactly("yes", "", "30", "9");
        String[] r4 = rows.get(responses.get("r4"));
        assertThat(r4[4]).isEqualTo("IN_PROGRESS");
        assertThat(r4[6]).isEmpty();

        byte[] workbook = user(marketer).accept(XLSX).get("/api/surveys/" + survey + "/export").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Q4");
            XSSFRow row = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if ((long) sheet.getRow(i).getCell(0).getNumericCellValue() == responses.get("r1")) {
                    row = sheet.getRow(i);
                }
            }
            assertThat((Object) row).as("the row of the first interview").isNotNull();
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("a;b");
            assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(10.0);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(10.0);
        }
        user(marketer).get("/api/surveys/" + survey + "/export?format=pdf").then().statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aClientSeesItsOwnSurveysResultsAndNoOneElses() {
        assertThat(results(user(clientUser), "").getInt("completes")).isEqualTo(3);
        user(clientUser).get("/api/surveys/" + survey + "/export?format=csv").then().statusCode(200);
        user(strangerUser).get("/api/surveys/" + survey + "/results").then().statusCode(404).contentType(PROBLEM_JSON);
        user(strangerUser).get("/api/surveys/" + survey + "/results/crosstab?row=Q1&column=Q2").then().statusCode(404);
        user(strangerUser).get("/api/surveys/" + survey + "/export?format=csv").then().statusCode(404);
        user(operator).get("/api/surveys/" + survey + "/results").then().statusCode(403);
        admin().get("/api/surveys/987654321/results").then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
