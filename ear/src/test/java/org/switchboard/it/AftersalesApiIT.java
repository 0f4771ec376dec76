package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The after-sales API over HTTP: rules and events written, checked and versioned, who may do what, tasks made by
 * the generator and worked through the campaign queue, offers redeemed once, attendees and the report.
 */
@ExtendWith(ArquillianExtension.class)
class AftersalesApiIT {

    /** A day no holiday closes, far from the real date, so the tests own their birthdays and call days. */
    static final String DAY = "2026-12-15";

    private String marketer;
    private String operator;
    private long client;
    private String tag;

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
        client = createClient(unique("Aftersales Client"));
        tag = unique("as").toLowerCase();
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private RequestSpecification asMarketer() {
        return as(marketer, marketer + "-pw");
    }

    private RequestSpecification asOperator() {
        return as(operator, operator + "-pw");
    }

    /** An after-sales campaign the operator works; its id and code. */
    private Map.Entry<Long, String> campaign() {
        String code = unique("AS").toUpperCase();
        long id = admin().body(Map.of("code", code, "name", "After-sales " + code, "type", "AFTER_SALES", "clientId",
                client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        return Map.entry(id, code);
    }

    private long contact(String name, String birthday) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "tags", List.of(tag), "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber()))));
        if (birthday != null) {
            body.put("birthday", birthday);
        }
        return admin().body(body).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Map<String, Object> birthdayRule(String campaign, Map<String, Object> offer) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "BIRTHDAY", "name", unique("Birthday"), "campaign",
                campaign, "daysBefore", 0, "audience", Map.of("tag", tag), "script", "Happy birthday! We have a gift"));
        if (offer != null) {
            body.put("offer", offer);
        }
        return body;
    }

    private long rule(Map<String, Object> body) {
        return asMarketer().body(body).post("/api/aftersales/rules").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static void generate(String day) {
        JsonPath result = admin().post("/api/aftersales/generate?date=" + day).then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("created")).isGreaterThanOrEqualTo(0);
    }

    private static List<Map<String, Object>> tasks(long rule) {
        return admin().get("/api/aftersales/tasks?rule=" + rule + "&size=100").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    /** Takes the next entry of the campaign and records the outcome; returns the entry's contact. */
    private long work(long campaign, String outcome) {
        JsonPath next = asOperator().post("/api/campaigns/" + campaign + "/next").then().statusCode(200).extract()
                .jsonPath();
        asOperator().body(Map.of("outcome", outcome))
                .post("/api/campaigns/" + campaign + "/entries/" + next.getLong("id") + "/outcome").then()
                .statusCode(200);
        return next.getLong("contactId");
    }

    private static Map<String, String> violations(Response response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        Map<String, String> byField = new HashMap<>();
        for (Map<String, String> v : response.jsonPath().<Map<String, String>>getList("violations")) {
            byField.put(v.get("field"), v.get("message"));
        }
        return byField;
    }

    @Test
    void rulesAreCheckedAgainstTypeCampaignCalendarAndEvents() {
        String campaign = campaign().getValue();
        String outboundCode = unique("OUT").toUpperCase();
        admin().body(Map.of("code", outboundCode, "name", "Cold", "type", "OUTBOUND", "clientId", client))
                .post("/api/campaigns").then().statusCode(201);

        Map<String, String> wrong = violations(asMarketer().body(Map.of("type", "BIRTHDAY", "name", "B", "campaign",
                outboundCode, "offer", Map.of("kind", "GIFT", "value", "a mug", "validDays", 0)))
                .post("/api/aftersales/rules"));
        assertThat(wrong).containsOnlyKeys("campaign", "daysBefore", "offer.validDays");
        assertThat(wrong.get("campaign")).contains("AFTER_SALES");

        assertThat(violations(asMarketer().body(Map.of("type", "HOLIDAY", "name", "H", "campaign", campaign,
                "daysBefore", 1, "holidayDate", "2026-12-16")).post("/api/aftersales/rules")))
                .containsOnlyKeys("holidayDate");
        assertThat(violations(asMarketer().body(Map.of("type", "EVENT", "name", "E", "campaign", campaign,
                "daysBefore", 1, "eventId", 987_654_321)).post("/api/aftersales/rules"))).containsOnlyKeys("eventId");
        assertThat(violations(asMarketer().body(Map.of("type", "FOLLOW_UP", "name", "F", "campaign", "NO-SUCH-CAMPAIGN",
                "daysAfter", 0)).post("/api/aftersales/rules"))).containsOnlyKeys("campaign", "daysAfter");
        assertThat(violations(asMarketer().body(Map.of("type", "ANNIVERSARY", "name", "A", "campaign", campaign))
                .post("/api/aftersales/rules"))).containsOnlyKeys("type");
        // a malformed body is a 400 too, never a 500
        assertThat(asMarketer().body("{\"type\":\"BIRTHDAY\",\"holidayDate\":\"soon\"}").post("/api/aftersales/rules")
                .statusCode()).isEqualTo(400);

        JsonPath created = asMarketer().body(birthdayRule(campaign.toLowerCase(), Map.of("kind", "DISCOUNT", "value",
                "10%", "validDays", 30))).post("/api/aftersales/rules").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("campaign")).isEqualTo(campaign);
        assertThat(created.getString("audience.tag")).isEqualTo(tag);
        assertThat(created.getString("offer.kind")).isEqualTo("DISCOUNT");
        assertThat(created.getBoolean("active")).isTrue();
        assertThat(created.getBoolean("advertising")).isFalse();

        Map<String, Object> edit = birthdayRule(campaign, null);
        edit.put("daysBefore", 2);
        edit.put("advertising", true);
        edit.put("version", created.getLong("version"));
        JsonPath edited = asMarketer().body(edit).put("/api/aftersales/rules/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(edited.getInt("daysBefore")).isEqualTo(2);
        assertThat(edited.getMap("offer")).isNull();
        assertThat(edited.getLong("version")).isGreaterThan(created.getLong("version"));

        Response stale = asMarketer().body(edit).put("/api/aftersales/rules/" + id);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith(PROBLEM_JSON);

        Map<String, Object> retype = new HashMap<>(edit);
        retype.put("type", "FOLLOW_UP");
        retype.put("daysAfter", 3);
        retype.put("version", edited.getLong("version"));
        assertThat(violations(asMarketer().body(retype).put("/api/aftersales/rules/" + id))).containsKey("type");

        assertThat(asOperator().get("/api/aftersales/rules/" + id).then().statusCode(200).extract().jsonPath()
                .getInt("daysBefore")).isEqualTo(2);
        List<Integer> listed = asOperator().get("/api/aftersales/rules?type=BIRTHDAY&campaign=" + campaign).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(listed).containsExactly((int) id);
        assertThat(admin().get("/api/aftersales/rules/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void eventsAreWrittenAndVersioned() {
        Response missing = asMarketer().body(Map.of("name", " ", "place", "Hall 1")).post("/api/aftersales/events");
        assertThat(violations(missing)).containsOnlyKeys("name", "date");
        assertThat(violations(asMarketer().body(Map.of("name", "Expo", "date", "2026-12-20", "inviteUntil",
                "2026-12-21")).post("/api/aftersales/events"))).containsOnlyKeys("inviteUntil");

        JsonPath created = asMarketer().body(Map.of("name", "Winter expo", "date", "2026-12-20", "place", "Lenexpo",
                "description", "Stand B12")).post("/api/aftersales/events").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("lastInvitationDay")).isEqualTo("2026-12-19");

        Map<String, Object> edit = new HashMap<>(Map.of("name", "Winter expo", "date", "2026-12-20", "place",
                "Lenexpo, hall 7", "inviteUntil", "2026-12-18", "version", created.getLong("version")));
        JsonPath edited = asMarketer().body(edit).put("/api/aftersales/events/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(edited.getString("place")).isEqualTo("Lenexpo, hall 7");
        assertThat(edited.getString("inviteUntil")).isEqualTo("2026-12-18");
        assertThat(asMarketer().body(edit).put("/api/aftersales/events/" + id).statusCode()).isEqualTo(409);
        assertThat(asOperator().get("/api/aftersales/events/" + id).then().statusCode(200).extract().jsonPath()
                .getString("name")).isEqualTo("Winter expo");
        assertThat(asOperator().body(edit).put("/api/aftersales/events/" + id).statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/aftersales/events/" + id + "/attendees").then().statusCode(200).extract()
                .jsonPath().getList("$")).isEmpty();
    }

    @Test
    void rolesDecideWhoReadsAndWrites() {
        String clientUser = unique("cli");
        createUser(clientUser, List.of("CLIENT"), null, client);
        RequestSpecification asClient = as(clientUser, clientUser + "-pw");
        String campaign = campaign().getValue();

        assertThat(asClient.get("/api/aftersales/rules").statusCode()).isEqualTo(403);
        assertThat(as(clientUser, clientUser + "-pw").get("/api/aftersales/events").statusCode()).isEqualTo(403);
        assertThat(as(clientUser, clientUser + "-pw").get("/api/aftersales/tasks").statusCode()).isEqualTo(403);
        assertThat(as(clientUser, clientUser + "-pw").post("/api/aftersales/offers/ANY/redeem").statusCode())
                .isEqualTo(403);

        assertThat(asOperator().get("/api/aftersales/rules").statusCode()).isEqualTo(200);
        assertThat(asOperator().get("/api/aftersales/events").statusCode()).isEqualTo(200);
        // an operator reads tasks (and their offer codes) only of the entry they hold: entry= is required
        assertThat(asOperator().get("/api/aftersales/tasks").statusCode()).isEqualTo(400);
        assertThat(asOperator().body(birthdayRule(campaign, null)).post("/api/aftersales/rules").statusCode())
                .isEqualTo(403);
        assertThat(asOperator().body(Map.of("name", "E", "date", DAY)).post("/api/aftersales/events").statusCode())
                .isEqualTo(403);
        assertThat(asOperator().get("/api/aftersales/report?from=" + DAY + "&to=" + DAY).statusCode()).isEqualTo(403);
        assertThat(asOperator().get("/api/aftersales/settings").statusCode()).isEqualTo(403);
        assertThat(asOperator().post("/api/aftersales/offers/NO-SUCH-CODE/redeem").statusCode()).isEqualTo(400);
        assertThat(admin().post("/api/aftersales/offers/NO-SUCH-CODE/redeem").statusCode()).isEqualTo(404);

        JsonPath settings = asMarketer().get("/api/aftersales/settings").then().statusCode(200).extract().jsonPath();
        assertThat(settings.getString("generationTime")).matches("\\d\\d:\\d\\d");
        assertThat(asMarketer().body(Map.of("generationTime", "07:00", "version", settings.getLong("version")))
                .put("/api/aftersales/settings").statusCode()).isEqualTo(403);
    }

    @Test
    void theSettingsMoveTheDailyRunAndRefuseAStaleEdit() {
        JsonPath before = admin().get("/api/aftersales/settings").then().statusCode(200).extract().jsonPath();
        String time = before.getString("generationTime");
        long version = before.getLong("version");
        assertThat(violations(admin().body(Map.of("generationTime", "25:00", "version", version))
                .put("/api/aftersales/settings"))).containsOnlyKeys("generationTime");
        JsonPath moved = admin().body(Map.of("generationTime", "06:30", "version", version))
                .put("/api/aftersales/settings").then().statusCode(200).extract().jsonPath();
        assertThat(moved.getString("generationTime")).isEqualTo("06:30");
        assertThat(admin().body(Map.of("generationTime", "06:45", "version", version)).put("/api/aftersales/settings")
                .statusCode()).isEqualTo(409);
        admin().body(Map.of("generationTime", time, "version", moved.getLong("version"))).put("/api/aftersales/settings")
                .then().statusCode(200);
    }

    @Test
    void anOfferIsRedeemedOnceAndTheReportCountsTheOutcomes() {
        Map.Entry<Long, String> campaign = campaign();
        long rule = rule(birthdayRule(campaign.getValue(), Map.of("kind", "GIFT", "value", "a mug", "validDays", 10)));
        long anna = contact("Anna Birthday", "1985-12-15");
        long boris = contact("Boris Birthday", "1990-12-15");
        contact("Vera Not Today", "1990-12-16");
        generate(DAY);
        generate(DAY); // a second run makes nothing twice

        List<Map<String, Object>> tasks = tasks(rule);
        assertThat(tasks).extracting(t -> ((Number) t.get("contactId")).longValue()).containsExactlyInAnyOrder(anna, boris);
        Map<String, Object> first = tasks.get(0);
        assertThat(first.get("state")).isEqualTo("OPEN");
        assertThat(first.get("callDay")).isEqualTo(DAY);
        assertThat(first.get("script")).isEqualTo("Happy birthday! We have a gift");
        assertThat((String) first.get("offerCode")).isNotBlank();
        @SuppressWarnings("unchecked")
        Map<String, Object> offer = (Map<String, Object>) first.get("offer");
        assertThat(offer).containsEntry("kind", "GIFT").containsEntry("value", "a mug")
                .containsEntry("validUntil", "2026-12-25");

        clock(DAY + "T12:00:00+03:00");
        // the operator holds an entry: its task and offer are theirs to read, and to redeem with the entry
        JsonPath held = asOperator().post("/api/campaigns/" + campaign.getKey() + "/next").then().statusCode(200)
                .extract().jsonPath();
        long entry = held.getLong("id");
        long accepted = held.getLong("contactId");
        List<Map<String, Object>> byEntry = asOperator().get("/api/aftersales/tasks?entry=" + entry).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(byEntry).hasSize(1);
        assertThat(byEntry.get(0).get("state")).isEqualTo("OPEN");
        String code = (String) byEntry.get(0).get("offerCode");
        assertThat(code).isEqualTo(tasks.stream().filter(t -> ((Number) t.get("contactId")).longValue() == accepted)
                .findFirst().orElseThrow().get("offerCode"));
        JsonPath redeemed = asOperator().post("/api/aftersales/offers/" + code + "/redeem?entry=" + entry).then()
                .statusCode(200).extract().jsonPath();
        asOperator().body(Map.of("outcome", "ACCEPTED"))
                .post("/api/campaigns/" + campaign.getKey() + "/entries/" + entry + "/outcome").then().statusCode(200);
        long reached = work(campaign.getKey(), "REACHED");
        assertThat(List.of(accepted, reached)).containsExactlyInAnyOrder(anna, boris);
        // once worked, the entry is no longer held: its tasks are the supervisors' and marketers' to read
        assertThat(asOperator().get("/api/aftersales/tasks?entry=" + entry).statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/aftersales/tasks?entry=" + entry).then().statusCode(200).extract().jsonPath()
                .getString("items[0].state")).isIn("ACCEPTED", "REACHED");
        assertThat(redeemed.getString("code")).isEqualTo(code);
        assertThat(redeemed.getLong("contactId")).isEqualTo(accepted);
        assertThat(redeemed.getString("redeemedBy")).isEqualTo(operator);
        assertThat(redeemed.getString("redeemedAt")).startsWith(DAY);
        Response again = admin().post("/api/aftersales/offers/" + code + "/redeem");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(PROBLEM_JSON);
        assertThat(again.jsonPath().getString("detail")).contains("already redeemed");
        assertThat(admin().get("/api/aftersales/offers/" + code).then().statusCode(200).extract().jsonPath()
                .getString("redeemedBy")).isEqualTo(operator);

        JsonPath report = asMarketer().get("/api/aftersales/report?from=" + DAY + "&to=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> figures = report.<Map<String, Object>>getList("rules").stream()
                .filter(r -> ((Number) r.get("ruleId")).longValue() == rule).findFirst().orElseThrow();
        assertThat(figures).containsEntry("type", "BIRTHDAY").containsEntry("tasks", 2).containsEntry("reached", 2)
                .containsEntry("accepted", 1).containsEntry("declined", 0).containsEntry("notReached", 0)
                .containsEntry("open", 0).containsEntry("offersRedeemed", 1);
        assertThat(report.getInt("totals.tasks")).isGreaterThanOrEqualTo(2);
        assertThat(report.getInt("totals.offersRedeemed")).isGreaterThanOrEqualTo(1);
        assertThat(violations(asMarketer().get("/api/aftersales/report?from=" + DAY))).containsOnlyKeys("to");
        assertThat(violations(asMarketer().get("/api/aftersales/report?from=2026-12-16&to=" + DAY)))
                .containsOnlyKeys("to");
    }

    @Test
    void parallelRedemptionsLetExactlyOneWin() throws Exception {
        long rule = rule(birthdayRule(campaign().getValue(), Map.of("kind", "DISCOUNT", "value", "15%", "validDays", 5)));
        contact("Gleb Parallel", "1970-12-17");
        generate("2026-12-17");
        String code = (String) tasks(rule).get(0).get("offerCode");

        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                Callable<Integer> redeem = () -> {
                    start.await();
                    return admin().post("/api/aftersales/offers/" + code + "/redeem").statusCode();
                };
                answers.add(pool.submit(redeem));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredOfferIsRefused() {
        long rule = rule(birthdayRule(campaign().getValue(), Map.of("kind", "GIFT", "value", "a pen", "validDays", 1)));
        contact("Dina Expired", "1988-12-18");
        generate("2026-12-18");
        String code = (String) tasks(rule).get(0).get("offerCode");
        clock("2026-12-20T00:30:00+03:00"); // valid until 2026-12-19: half an hour past it, call-centre time
        Response expired = admin().post("/api/aftersales/offers/" + code + "/redeem");
        assertThat(expired.statusCode()).isEqualTo(409);
        assertThat(expired.jsonPath().getString("detail")).contains("expired", "2026-12-19");
        assertThat(admin().get("/api/aftersales/offers/" + code).then().statusCode(200).extract().jsonPath()
                .getString("redeemedAt")).isNull();
    }

    @Test
    void whoAcceptedAnInvitationIsAnAttendee() {
        Map.Entry<Long, String> campaign = campaign();
        long event = asMarketer().body(Map.of("name", unique("Expo"), "date", "2026-12-20", "place", "Lenexpo"))
                .post("/api/aftersales/events").then().statusCode(201).extract().jsonPath().getLong("id");
        long rule = rule(Map.of("type", "EVENT", "name", unique("Invite"), "campaign", campaign.getValue(),
                "daysBefore", 5, "eventId", event, "audience", Map.of("tag", tag)));
        long ivan = contact("Ivan Guest", null);
        long olga = contact("Olga Busy", null);
        generate(DAY);
        assertThat(tasks(rule)).hasSize(2);

        clock(DAY + "T12:00:00+03:00");
        long first = work(campaign.getKey(), "ACCEPTED");
        long second = work(campaign.getKey(), "DECLINED");
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(ivan, olga);

        List<Map<String, Object>> attendees = asOperator().get("/api/aftersales/events/" + event + "/attendees").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(attendees).hasSize(1);
        assertThat(((Number) attendees.get(0).get("contactId")).longValue()).isEqualTo(first);
        assertThat((String) attendees.get(0).get("phone")).startsWith("+7495");
        assertThat((String) attendees.get(0).get("acceptedAt")).isNotBlank();
        assertThat(attendees.get(0).get("fullName")).isEqualTo(first == ivan ? "Ivan Guest" : "Olga Busy");
        assertThat(asMarketer().get("/api/aftersales/tasks?rule=" + rule + "&state=DECLINED").then().statusCode(200)
                .extract().jsonPath().getList("items.contactId")).containsExactly((int) second);
    }
}
