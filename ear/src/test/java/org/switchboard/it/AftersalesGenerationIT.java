package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * After-sales task generation over HTTP: which contacts a birthday, holiday, event and follow-up rule calls on a
 * given day (month and year ends, 29 February), who gets no task (do-not-call, no consent), that running it again
 * or in parallel makes nothing twice, and that an unreachable client is called again.
 */
@ExtendWith(ArquillianExtension.class)
class AftersalesGenerationIT {

    private long campaignId;
    private String campaign;
    private String operator;
    private String tag;
    private long client;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        client = createClient(unique("Loyal Client"));
        campaign = unique("AS").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Loyalty", "type", "AFTER_SALES", "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        tag = unique("loyal");
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private long contact(String name, String birthday, boolean consent) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber())), "tags", List.of(tag)));
        if (birthday != null) {
            body.put("birthday", birthday);
        }
        if (consent) {
            body.put("consent", Map.of("given", true, "source", "contract", "date", "2026-01-10"));
        }
        return admin().body(body).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A rule stored directly through the rules API with the audience narrowed to this test's tag. */
    private long rule(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("rule"), "campaign", campaign,
                "audience", Map.of("tag", tag), "script", "Congratulate, tell the offer"));
        body.putAll(fields);
        return admin().body(body).post("/api/aftersales/rules").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonPath generate(String day) {
        return admin().queryParam("date", day).post("/api/aftersales/generate").then().statusCode(200).extract().jsonPath();
    }

    private List<Long> taskContacts(long rule) {
        return admin().queryParam("rule", rule).queryParam("size", 500).get("/api/aftersales/tasks").then()
                .statusCode(200).extract().jsonPath().getList("items.contactId", Long.class);
    }

    @Test
    void birthdaysAcrossTheYearEndAndThe29thOfFebruary() {
        long newYear = contact("Born 1 January", "1990-01-01", false);
        long leap = contact("Born 29 February", "1992-02-29", false);
        long late = contact("Born 28 February", "1985-02-28", false);
        long other = contact("Born 2 March", "1980-03-02", false);
        long rule = rule(Map.of("type", "BIRTHDAY", "daysBefore", 1, "offer",
                Map.of("kind", "DISCOUNT", "value", "10%", "validDays", 30)));

        assertThat(generate("2026-12-31").getInt("created")).isEqualTo(1); // 1 January 2027, one day ahead
        assertThat(generate("2027-02-27").getInt("created")).isEqualTo(2); // 28 Feb 2027: and the 29th, no leap year
        assertThat(generate("2028-02-27").getInt("created")).isEqualTo(1); // 2028 is a leap year: 28th only
        assertThat(generate("2028-02-28").getInt("created")).isEqualTo(1); // … the 29th a day later
        assertThat(taskContacts(rule)).containsExactlyInAnyOrder(newYear, leap, late, late, leap).doesNotContain(other);
        // a new occasion on the same list entry settles the old one (never tried: closed), so it cannot take the
        // new call's result
        assertThat(admin().queryParam("rule", rule).queryParam("size", 500).get("/api/aftersales/tasks").then()
                .extract().jsonPath().getList("items.state", String.class))
                .containsExactlyInAnyOrder("OPEN", "CLOSED", "CLOSED", "OPEN", "OPEN");
        JsonPath tasks = admin().queryParam("rule", rule).queryParam("from", "2026-12-31").queryParam("to", "2026-12-31")
                .get("/api/aftersales/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(tasks.getString("items[0].occasionDate")).isEqualTo("2027-01-01");
        assertThat(tasks.getString("items[0].offerCode")).hasSize(10);
        admin().get("/api/campaigns/" + campaignId + "/list").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void holidaysEventsAndFollowUpsOnTheirDays() {
        long a = contact("Holiday Person", null, false);
        long holiday = rule(Map.of("type", "HOLIDAY", "holidayDate", "2027-03-08", "daysBefore", 2));
        assertThat(generate("2027-03-05").getInt("created")).isZero();
        assertThat(generate("2027-03-06").getInt("created")).isEqualTo(1);
        assertThat(taskContacts(holiday)).containsExactly(a);

        long event = admin().body(Map.of("name", "Spring fair", "date", "2027-04-20", "place", "Expoforum",
                "inviteUntil", "2027-04-15")).post("/api/aftersales/events").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long invite = rule(Map.of("type", "EVENT", "eventId", event, "daysBefore", 10));
        assertThat(generate("2027-04-10").getInt("created")).isEqualTo(1);
        assertThat(taskContacts(invite)).containsExactly(a);

        // a deal won today is followed up three days later
        long lead = admin().body(Map.of("contactId", a, "campaign", campaign, "operator", operator)).post("/api/leads")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (String status : List.of("QUALIFIED", "MEETING_SET", "WON")) {
            admin().body(Map.of("status", status)).post("/api/leads/" + lead + "/status").then().statusCode(200);
        }
        long followUp = rule(Map.of("type", "FOLLOW_UP", "daysAfter", 3));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        assertThat(generate(today.plusDays(2).toString()).getInt("created")).isZero();
        assertThat(generate(today.plusDays(3).toString()).getInt("created")).isEqualTo(1);
        assertThat(taskContacts(followUp)).containsExactly(a);
    }

    @Test
    void theDoNotCallListAndMissingConsentMeanNoTask() {
        long ok = contact("Consenting", "1990-06-15", true);
        long noConsent = contact("Not Consenting", "1990-06-15", false);
        long blocked = contact("Blocked", "1990-06-15", true);
        String number = admin().get("/api/contacts/" + blocked).then().extract().jsonPath().getString("phones[0].number");
        admin().body(Map.of("number", number, "reason", "asked")).post("/api/dnc").then().statusCode(201);
        long rule = rule(Map.of("type", "BIRTHDAY", "daysBefore", 0, "advertising", true));
        JsonPath result = generate("2027-06-15");
        assertThat(result.getInt("created")).isEqualTo(1);
        assertThat(result.getInt("skipped")).isEqualTo(2);
        assertThat(taskContacts(rule)).containsExactly(ok).doesNotContain(noConsent, blocked);
    }

    @Test
    void runningTwiceOrInParallelNeverMakesASecondTask() throws Exception {
        for (int i = 0; i < 5; i++) {
            contact("Twin " + i, "1991-07-20", false);
        }
        long rule = rule(Map.of("type", "BIRTHDAY", "daysBefore", 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Response> run = () -> admin().queryParam("date", "2027-07-20").post("/api/aftersales/generate");
                runs.add(pool.submit(run));
            }
            int created = 0;
            for (Future<Response> run : runs) {
                Response r = run.get();
                assertThat(r.statusCode()).isEqualTo(200);
                created += r.jsonPath().getInt("created");
            }
            assertThat(created).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        JsonPath again = generate("2027-07-20");
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("skipped")).isEqualTo(5);
        assertThat(taskContacts(rule)).hasSize(5);
    }

    @Test
    void anUnreachableClientIsCalledAgainAndAReachedTaskIsDone() {
        long contact = contact("Hard To Reach", "1970-09-01", false);
        long rule = rule(Map.of("type", "BIRTHDAY", "daysBefore", 0));
        generate("2027-09-01");
        admin().body(Map.of("now", "2027-09-01T11:00:00+03:00")).put("/api/system/clock").then().statusCode(200);
        JsonPath offer = as(operator, operator + "-pw").post("/api/campaigns/" + campaignId + "/next").then()
                .statusCode(200).extract().jsonPath();
        assertThat(offer.getLong("contactId")).isEqualTo(contact);
        long entry = offer.getLong("id");
        as(operator, operator + "-pw").body(Map.of("outcome", "NOT_REACHED")).post("/api/campaigns/" + campaignId
                + "/entries/" + entry + "/outcome").then().statusCode(200);
        as(operator, operator + "-pw").post("/api/campaigns/" + campaignId + "/next").then().statusCode(204);
        admin().body(Map.of("now", "2027-09-01T13:00:01+03:00")).put("/api/system/clock").then().statusCode(200);
        assertThat(as(operator, operator + "-pw").post("/api/campaigns/" + campaignId + "/next").then().statusCode(200)
                .extract().jsonPath().getLong("id")).isEqualTo(entry);
        assertThat(admin().queryParam("rule", rule).get("/api/aftersales/tasks").then().extract().jsonPath()
                .getString("items[0].state")).isEqualTo("OPEN");
        as(operator, operator + "-pw").body(Map.of("outcome", "REACHED")).post("/api/campaigns/" + campaignId
                + "/entries/" + entry + "/outcome").then().statusCode(200);
        assertThat(admin().queryParam("rule", rule).get("/api/aftersales/tasks").then().extract().jsonPath()
                .getString("items[0].state")).isEqualTo("REACHED");
    }
}
