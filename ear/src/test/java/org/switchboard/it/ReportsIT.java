package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control reports over HTTP, with figures computed by hand: thresholds at 19/20/1199/1200 seconds, the day
 * ending at midnight in the call-centre zone (Europe/Moscow, also the PBX's), a file posted twice, a late record,
 * plans, leads backed or not, the calls behind a figure, exports, and who may see what.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private long client;
    private String campaign;
    private String operator;
    private String extension;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Reports Client"));
        campaign = createCampaign(client, "OUTBOUND");
        operator = unique("op");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
    }

    /** An outbound call of this test's operator, answered when billsec > 0. */
    private String out(String number, LocalDateTime start, int billsec) {
        return CallsIT.cdr(campaign, extension, number.substring(1), "PJSIP/" + extension + "-0000001a",
                "PJSIP/trunk-0000001b", "\"Op\" <" + extension + ">", start, 5, billsec,
                billsec > 0 ? "ANSWERED" : "NO ANSWER", unique("u"), null);
    }

    private static JsonPath importCsv(List<String> lines) {
        return admin().contentType("text/csv").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> days(String from, String to, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("from", from);
        params.put("to", to);
        params.putIfAbsent("operator", operator);
        return admin().queryParams(params).get("/api/reports/operator-days").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private long callId(String operatorName, int talkSeconds) {
        return admin().queryParam("operator", operatorName).queryParam("size", 200).get("/api/calls").then()
                .statusCode(200).extract().jsonPath().getList("items", Map.class).stream()
                .filter(c -> ((Number) c.get("talkSeconds")).intValue() == talkSeconds)
                .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
    }

    private void lead(String operatorName, long contact, String at, Long callId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contact);
        body.put("campaign", campaign);
        body.put("operator", operatorName);
        body.put("createdAt", at);
        body.put("callId", callId);
        admin().body(body).post("/api/leads").then().statusCode(201);
    }

    @Test
    void operatorDayFiguresFollowTheDefinitionsToTheSecond() {
        String number = freeMobile();
        List<String> file = List.of(
                out(number, LocalDateTime.of(2026, 10, 5, 10, 0, 0), 19),
                out(number, LocalDateTime.of(2026, 10, 5, 10, 10, 0), 20),
                out(number, LocalDateTime.of(2026, 10, 5, 11, 0, 0), 1199),
                out(number, LocalDateTime.of(2026, 10, 5, 12, 0, 0), 1200),
                out(number, LocalDateTime.of(2026, 10, 5, 13, 0, 0), 0),
                out(number, LocalDateTime.of(2026, 10, 5, 23, 59, 59), 30),
                out(number, LocalDateTime.of(2026, 10, 6, 0, 0, 0), 40));
        assertThat(importCsv(file).getInt("imported")).isEqualTo(7);
        Map<String, Object> first = days("2026-10-05", "2026-10-06", Map.of()).get(0);
        assertThat(first).containsEntry("date", "2026-10-05").containsEntry("operator", operator)
                .containsEntry("extension", extension).containsEntry("calls", 6).containsEntry("answered", 5)
                .containsEntry("counted", 4).containsEntry("short", 1).containsEntry("long", 1)
                .containsEntry("talkSeconds", 19 + 20 + 1199 + 1200 + 30).containsEntry("avgTalkSeconds", 493.6f)
                .containsEntry("leads", 0).containsEntry("planCalls", 0).containsEntry("planPercent", null)
                .containsEntry("conversion", 0.0f);
        assertThat(days("2026-10-05", "2026-10-06", Map.of()).get(1)).containsEntry("date", "2026-10-06")
                .containsEntry("calls", 1).containsEntry("counted", 1).containsEntry("talkSeconds", 40);

        // the same file posted again changes nothing; a late record for the first day does
        assertThat(importCsv(file).getInt("duplicates")).isEqualTo(7);
        assertThat(days("2026-10-05", "2026-10-05", Map.of()).get(0)).containsEntry("calls", 6).containsEntry("counted", 4);
        importCsv(List.of(out(number, LocalDateTime.of(2026, 10, 5, 18, 0, 0), 25)));
        assertThat(days("2026-10-05", "2026-10-05", Map.of()).get(0)).containsEntry("calls", 7).containsEntry("counted", 5)
                .containsEntry("talkSeconds", 2468 + 25);

        // a lead from the 20-second call is backed, one from the 19-second call is not
        long contact = createContact("Report Contact", number);
        lead(operator, contact, "2026-10-05T15:00:00+03:00", callId(operator, 20));
        lead(operator, contact, "2026-10-05T15:05:00+03:00", callId(operator, 19));
        admin().body(List.of(Map.of("operator", operator, "from", "2026-10-05", "to", "2026-10-06", "calls", 10,
                "leads", 2))).post("/api/plans").then().statusCode(200).body("days", equalTo(2));
        Map<String, Object> day = days("2026-10-05", "2026-10-05", Map.of()).get(0);
        assertThat(day).containsEntry("leads", 2).containsEntry("unbackedLeads", 1).containsEntry("planCalls", 10)
                .containsEntry("planPercent", 50.0f).containsEntry("conversion", 0.4f);

        // thresholds of the request's own: 30 seconds to count, 1199 to be long
        assertThat(days("2026-10-05", "2026-10-05", Map.of("minTalkSeconds", 30, "longCallSeconds", 1199)).get(0))
                .containsEntry("counted", 3).containsEntry("short", 3).containsEntry("long", 2)
                .containsEntry("unbackedLeads", 2);

        // the calls behind a figure, with the recording link of each
        List<Integer> shortTalks = admin().queryParam("operator", operator).queryParam("date", "2026-10-05")
                .queryParam("kind", "short").get("/api/reports/calls").then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath().getList("items.talkSeconds");
        assertThat(shortTalks).containsExactly(19);
        assertThat(admin().queryParam("operator", operator).queryParam("date", "2026-10-05").queryParam("kind", "long")
                .get("/api/reports/calls").then().extract().jsonPath().getList("items.talkSeconds", Integer.class))
                .containsExactly(1200);
        admin().queryParam("operator", operator).queryParam("date", "2026-10-05").queryParam("kind", "loud")
                .get("/api/reports/calls").then().statusCode(400).contentType(PROBLEM_JSON);

        // totals per operator and for everything the filter keeps
        JsonPath totals = admin().queryParam("from", "2026-10-05").queryParam("to", "2026-10-06")
                .queryParam("operator", operator).get("/api/reports/operator-days/totals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(totals.getInt("operators[0].calls")).isEqualTo(8);
        assertThat(totals.getInt("operators[0].counted")).isEqualTo(6);
        assertThat(totals.getInt("operators[0].planCalls")).isEqualTo(20);
        assertThat(totals.getFloat("operators[0].planPercent")).isEqualTo(30.0f);
        assertThat(totals.getInt("centre.calls")).isEqualTo(8);
        assertThat(totals.getInt("centre.days")).isEqualTo(2);

        // copied again from the calls and leads modules and recounted from scratch: the same figures
        List<Map<String, Object>> before = days("2026-10-05", "2026-10-06", Map.of());
        as(operator, operator + "-pw").post("/api/reports/rebuild").then().statusCode(403);
        JsonPath rebuilt = admin().post("/api/reports/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(rebuilt.getLong("calls")).isGreaterThanOrEqualTo(8);
        assertThat(rebuilt.getLong("leads")).isGreaterThanOrEqualTo(2);
        assertThat(days("2026-10-05", "2026-10-06", Map.of())).isEqualTo(before);
    }

    @Test
    void exportsCarryTheSameFiguresWithATotalsRow() throws Exception {
        String number = freeMobile();
        importCsv(List.of(out(number, LocalDateTime.of(2026, 9, 7, 10, 0, 0), 45),
                out(number, LocalDateTime.of(2026, 9, 8, 10, 0, 0), 15)));
        String csv = admin().queryParam("from", "2026-09-07").queryParam("to", "2026-09-08")
                .queryParam("operator", operator).queryParam("format", "csv").get("/api/reports/operator-days")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("date,operator,extension,team,calls,answered,counted,short,long,talkSeconds");
        assertThat(lines[1]).startsWith("2026-09-07," + operator + "," + extension + ",,1,1,1,0,0,45,45.0");
        assertThat(lines[3]).startsWith("Total,,,,2,2,1,1,0,60,30.0");

        byte[] xlsx = admin().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("from", "2026-09-07").queryParam("to", "2026-09-08").queryParam("operator", operator)
                .get("/api/reports/operator-days").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2026, 9, 7));
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(3).getCell(9).getNumericCellValue()).isEqualTo(60.0);
        }
    }

    /** Anomalies raised at their boundary and not one step before it, each for an operator of its own. */
    @Test
    void anomaliesAreRaisedExactlyAtTheirThresholds() {
        String day = "2026-08-11";
        LocalDateTime at = LocalDateTime.of(2026, 8, 11, 9, 0, 0);
        Map<String, String> ops = new HashMap<>();
        Map<String, String> extensions = new HashMap<>();
        for (String name : List.of("short40", "short35", "short19", "long3", "long2", "dial6", "dial5", "spike5",
                "spike4", "mean2", "unbacked", "backed", "miss70", "miss80")) {
            String username = unique(name);
            String ext = freeExtension();
            createUser(username, List.of("OPERATOR"), ext, null);
            ops.put(name, username);
            extensions.put(name, ext);
        }
        List<String> lines = new ArrayList<>();
        // 20 answered, 8 short (40 %) → raised; 20 answered, 7 short (35 %) → not; 19 answered all short → not
        calls(lines, extensions.get("short40"), at, 12, 30, 8, 10);
        calls(lines, extensions.get("short35"), at, 13, 30, 7, 10);
        calls(lines, extensions.get("short19"), at, 0, 30, 19, 10);
        calls(lines, extensions.get("long3"), at, 3, 1200, 0, 0);
        calls(lines, extensions.get("long2"), at, 2, 1200, 0, 0);
        String backedNumber = freeMobile();
        lines.add(dial(extensions.get("backed"), backedNumber, at, 60));
        calls(lines, extensions.get("miss70"), at, 7, 60, 0, 0);
        // a lead spike needs a baseline: these operators worked (one counted call a day) on the seven days before too
        for (String name : List.of("spike5", "spike4", "mean2")) {
            for (int d = 0; d <= 7; d++) {
                calls(lines, extensions.get(name), at.minusDays(d), 1, 60, 0, 0);
            }
        }
        calls(lines, extensions.get("miss80"), at, 8, 60, 0, 0);
        String six = freeMobile();
        String five = freeMobile();
        for (int i = 0; i < 6; i++) {
            lines.add(dial(extensions.get("dial6"), six, at.plusMinutes(i), 0));
        }
        for (int i = 0; i < 5; i++) {
            lines.add(dial(extensions.get("dial5"), five, at.plusMinutes(i), 0));
        }
        importCsv(lines);

        long contact = createContact("Anomaly Contact", freeMobile());
        for (int i = 0; i < 5; i++) {
            lead(ops.get("spike5"), contact, day + "T12:0" + i + ":00+03:00", null);
        }
        for (int i = 0; i < 4; i++) {
            lead(ops.get("spike4"), contact, day + "T12:0" + i + ":00+03:00", null);
        }
        // two leads a day over the seven days before: a mean of 2, so 5 leads fall short of 3 × 2
        for (int d = 1; d <= 7; d++) {
            String before = java.time.LocalDate.parse(day).minusDays(d) + "T12:00:00+03:00";
            lead(ops.get("mean2"), contact, before, null);
            lead(ops.get("mean2"), contact, before, null);
        }
        for (int i = 0; i < 5; i++) {
            lead(ops.get("mean2"), contact, day + "T12:0" + i + ":00+03:00", null);
        }
        lead(ops.get("unbacked"), contact, day + "T12:00:00+03:00", null);
        lead(ops.get("backed"), createContact("Backed Contact", backedNumber), day + "T12:00:00+03:00",
                callId(ops.get("backed"), 60));
        admin().body(List.of(Map.of("operator", ops.get("miss70"), "from", day, "to", day, "calls", 10),
                Map.of("operator", ops.get("miss80"), "from", day, "to", day, "calls", 10)))
                .post("/api/plans").then().statusCode(200);

        List<Map<String, Object>> found = admin().queryParam("from", day).queryParam("to", day)
                .queryParam("campaign", campaign).get("/api/reports/anomalies").then().statusCode(200)
                .extract().jsonPath().getList("$");
        // plans are whole operator-days: PLAN_MISS shows in the centre's view, not in a campaign's share of the day
        assertThat(found).noneSatisfy(a -> assertThat(a).containsEntry("type", "PLAN_MISS"));
        found.addAll(admin().queryParam("from", day).queryParam("to", day).queryParam("operator", ops.get("miss70"))
                .get("/api/reports/anomalies").then().statusCode(200).extract().jsonPath().getList("$"));
        found.addAll(admin().queryParam("from", day).queryParam("to", day).queryParam("operator", ops.get("miss80"))
                .get("/api/reports/anomalies").then().statusCode(200).extract().jsonPath().getList("$"));
        Map<String, List<String>> byName = new HashMap<>();
        ops.forEach((name, username) -> byName.put(name, found.stream().filter(a -> username.equals(a.get("operator")))
                .map(a -> (String) a.get("type")).toList()));
        assertThat(byName.get("short40")).containsExactly("SHORT_CALLS");
        assertThat(byName.get("short35")).isEmpty();
        assertThat(byName.get("short19")).isEmpty();
        assertThat(byName.get("long3")).containsExactly("LONG_CALLS");
        assertThat(byName.get("long2")).isEmpty();
        assertThat(byName.get("dial6")).containsExactly("REPEAT_DIALS");
        assertThat(byName.get("dial5")).isEmpty();
        assertThat(byName.get("spike5")).containsExactlyInAnyOrder("LEAD_SPIKE", "UNBACKED_LEADS");
        assertThat(byName.get("spike4")).containsExactly("UNBACKED_LEADS");
        assertThat(byName.get("mean2")).containsExactly("UNBACKED_LEADS");
        // a lead on a day without a single counted call is both
        assertThat(byName.get("unbacked")).containsExactlyInAnyOrder("UNBACKED_LEADS", "LEADS_WITHOUT_CALLS");
        assertThat(byName.get("backed")).isEmpty();
        assertThat(byName.get("miss70")).containsExactly("PLAN_MISS");
        assertThat(byName.get("miss80")).isEmpty();
        // the centre as a whole: 16 leads that day against 2 a day before
        assertThat(found).anySatisfy(a -> assertThat(a).containsEntry("type", "LEAD_SPIKE").containsEntry("operator", null));

        Map<String, Object> spike = found.stream().filter(a -> ops.get("spike5").equals(a.get("operator"))
                && "LEAD_SPIKE".equals(a.get("type"))).findFirst().orElseThrow();
        assertThat(spike).containsEntry("date", day).containsKey("detail");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) spike.get("evidence");
        assertThat(evidence).containsEntry("leads", 5).containsEntry("minLeads", 5);
        assertThat((List<?>) evidence.get("previousDays")).hasSize(7);
        Map<String, Object> dials = found.stream().filter(a -> "REPEAT_DIALS".equals(a.get("type"))).findFirst().orElseThrow();
        assertThat(dials.toString()).contains(six).contains("dials=6");
        assertThat(dials).containsEntry("extension", extensions.get("dial6"));
    }

    /** {@code answered} calls of {@code talk} seconds, {@code shortOnes} of 19 seconds, {@code missed} unanswered. */
    private void calls(List<String> lines, String ext, LocalDateTime at, int answered, int talk, int shortOnes, int missed) {
        int minute = 0;
        for (int i = 0; i < answered; i++) {
            lines.add(dial(ext, freeMobile(), at.plusMinutes(minute++), talk));
        }
        for (int i = 0; i < shortOnes; i++) {
            lines.add(dial(ext, freeMobile(), at.plusMinutes(minute++), 19));
        }
        for (int i = 0; i < missed; i++) {
            lines.add(dial(ext, freeMobile(), at.plusMinutes(minute++), 0));
        }
    }

    private String dial(String ext, String number, LocalDateTime start, int billsec) {
        return CallsIT.cdr(campaign, ext, number.substring(1), "PJSIP/" + ext + "-0000002a", "PJSIP/trunk-0000002b",
                "\"Op\" <" + ext + ">", start, 5, billsec, billsec > 0 ? "ANSWERED" : "NO ANSWER", unique("u"), null);
    }

    @Test
    void eachCallerSeesOnlyWhatIsTheirs() {
        String number = freeMobile();
        importCsv(List.of(out(number, LocalDateTime.of(2026, 7, 6, 10, 0, 0), 45)));
        long otherClient = createClient(unique("Other Client"));
        String otherCampaign = createCampaign(otherClient, "OUTBOUND");
        String clientUser = unique("client");
        createUser(clientUser, List.of("CLIENT"), null, client);
        String otherUser = unique("client");
        createUser(otherUser, List.of("CLIENT"), null, otherClient);

        Response own = as(clientUser, clientUser + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .get("/api/reports/operator-days");
        assertThat(own.then().statusCode(200).extract().jsonPath().getList("operator", String.class)).containsExactly(operator);
        assertThat(as(otherUser, otherUser + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .queryParam("operator", operator).get("/api/reports/operator-days").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        // another client's id or campaign answers 404, as if it did not exist; filters cannot widen the view
        as(clientUser, clientUser + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .queryParam("client", otherClient).get("/api/reports/operator-days").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(clientUser, clientUser + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .queryParam("campaign", otherCampaign).get("/api/reports/anomalies").then().statusCode(404);
        as(otherUser, otherUser + "-pw").queryParam("operator", operator).queryParam("date", "2026-07-06")
                .get("/api/reports/calls").then().statusCode(200).body("total", equalTo(0));

        // an operator sees their own figures only
        String colleague = unique("op");
        createUser(colleague, List.of("OPERATOR"), freeExtension(), null);
        as(colleague, colleague + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .queryParam("operator", operator).get("/api/reports/operator-days").then().statusCode(403);
        assertThat(as(operator, operator + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .get("/api/reports/operator-days").then().statusCode(200).extract().jsonPath()
                .getList("operator", String.class)).containsExactly(operator);
        as(operator, operator + "-pw").queryParam("from", "2026-07-06").queryParam("to", "2026-07-06")
                .get("/api/reports/anomalies").then().statusCode(403);
        as(operator, operator + "-pw").body(List.of(Map.of("operator", operator, "from", "2026-07-06", "to",
                "2026-07-06", "calls", 1))).post("/api/plans").then().statusCode(403);
    }

    @Test
    void badRequestsSayWhatToFix() {
        admin().queryParam("to", "2026-07-06").get("/api/reports/operator-days").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("from"));
        admin().queryParam("from", "2026-07-06").queryParam("to", "2026-07-01").get("/api/reports/operator-days")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        admin().queryParam("from", "2026-7-6").queryParam("to", "2026-07-06").get("/api/reports/operator-days")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        admin().queryParam("from", "2026-07-06").queryParam("to", "2026-07-06").queryParam("format", "pdf")
                .get("/api/reports/operator-days").then().statusCode(400).body("violations[0].field", equalTo("format"));
        admin().queryParam("from", "2026-07-06").queryParam("to", "2026-07-06").queryParam("minTalkSeconds", "abc")
                .get("/api/reports/operator-days").then().statusCode(400);
        String body = admin().body(List.of(Map.of("operator", "nobody-here", "from", "2026-07-06", "to", "2026-07-01",
                "calls", -1, "weekdays", List.of("FUNDAY")))).post("/api/plans").then().statusCode(400)
                .contentType(PROBLEM_JSON).extract().asString();
        assertThat(body).contains("[0].operator").contains("[0].to").contains("[0].calls").contains("[0].weekdays[0]")
                .doesNotContain("Exception");
    }

    @Test
    void laterPlansOverrideEarlierOnesAndWeekdayPatternsSkipDays() {
        // 2026-06-01 is a Monday
        admin().body(List.of(
                Map.of("operator", operator, "from", "2026-06-01", "to", "2026-06-07", "calls", 40, "leads", 2,
                        "weekdays", List.of("MON", "TUE", "WED", "THU", "FRI")),
                Map.of("operator", operator, "from", "2026-06-05", "to", "2026-06-05", "calls", 20)))
                .post("/api/plans").then().statusCode(200).body("days", equalTo(6));
        JsonPath plans = admin().queryParam("from", "2026-06-01").queryParam("to", "2026-06-07")
                .queryParam("operator", operator).get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(plans.getList("date", String.class)).containsExactly("2026-06-01", "2026-06-02", "2026-06-03",
                "2026-06-04", "2026-06-05");
        assertThat(plans.getList("calls", Integer.class)).containsExactly(40, 40, 40, 40, 20);
        // a planned day without a single call is in the report, at 0 %
        Map<String, Object> monday = days("2026-06-01", "2026-06-01", Map.of()).get(0);
        assertThat(monday).containsEntry("calls", 0).containsEntry("planCalls", 40).containsEntry("planPercent", 0.0f);
    }
}
