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
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * The operator's outbound day over HTTP, with the server's clock moved by the test: the queue's order, what it
 * never offers (do-not-call, outside the contact's hours, holidays, no consent, over the attempt limit), retries,
 * locks that expire, parallel requests, callbacks from owner to pool, and what each outcome does.
 */
@ExtendWith(ArquillianExtension.class)
class OutboundIT {

    private static final Random RANDOM = new Random();

    private long client;
    private List<String> operators;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Outbound Client"));
        operators = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            operators.add(operator());
        }
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private static String operator() {
        String name = unique("op");
        createUser(name, List.of("OPERATOR"), freeExtension(), null);
        return name;
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private long campaign(List<String> assigned) {
        String code = unique("OUT").toUpperCase();
        return admin().body(Map.of("code", code, "name", "Outbound " + code, "type", "OUTBOUND", "clientId", client,
                "operators", assigned)).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String moscowNumber() {
        return "+7495" + (1_000_000 + RANDOM.nextInt(8_999_999));
    }

    static String vladivostokNumber() {
        return "+74232" + (200_000 + RANDOM.nextInt(700_000));
    }

    private static long contact(String name, String number, boolean consent) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", name);
        body.put("phones", List.of(Map.of("number", number)));
        if (consent) {
            body.put("consent", Map.of("given", true, "source", "web form", "date", "2026-10-01"));
        }
        return admin().body(body).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void put(long campaign, Long... contacts) {
        admin().body(Map.of("contactIds", List.of(contacts))).post("/api/campaigns/" + campaign + "/list").then()
                .statusCode(200).body("added", equalTo(contacts.length));
    }

    private static Response next(String operator, long campaign) {
        return as(operator, operator + "-pw").post("/api/campaigns/" + campaign + "/next");
    }

    private static JsonPath offered(String operator, long campaign) {
        return next(operator, campaign).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath outcome(String operator, long campaign, long entry, Map<String, Object> body) {
        return as(operator, operator + "-pw").body(body).post("/api/campaigns/" + campaign + "/entries/" + entry + "/outcome")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theQueueOffersOwnCallbacksThenFreshThenRetriesAndNothingForbidden() {
        String op1 = operators.get(0);
        String op2 = operators.get(1);
        long campaign = campaign(operators);
        long a = contact("Anna Moscow", moscowNumber(), false);
        long b = contact("Boris Moscow", moscowNumber(), false);
        String blocked = moscowNumber();
        long c = contact("Cyril Blocked", blocked, false);
        long e = contact("Elena Vladivostok", vladivostokNumber(), false);
        admin().body(Map.of("number", blocked, "reason", "asked")).post("/api/dnc").then().statusCode(201);
        put(campaign, a, b, c, e);
        clock("2026-12-01T15:00:00+03:00"); // 22:00 in Vladivostok

        JsonPath first = offered(op1, campaign);
        assertThat(first.getLong("contactId")).isEqualTo(a);
        assertThat(first.getString("kind")).isEqualTo("FRESH");
        assertThat(first.getString("localTime")).startsWith("2026-12-01T15:00");
        assertThat(first.getString("timeZone")).isEqualTo("Europe/Moscow");
        // asking again while holding it gives the same entry
        assertThat(offered(op1, campaign).getLong("id")).isEqualTo(first.getLong("id"));
        outcome(op1, campaign, first.getLong("id"), Map.of("outcome", "NO_ANSWER"));

        JsonPath second = offered(op1, campaign);
        assertThat(second.getLong("contactId")).isEqualTo(b);
        JsonPath callback = outcome(op1, campaign, second.getLong("id"), Map.of("outcome", "CALLBACK",
                "callbackAt", "2026-12-01T16:00", "note", "call after four"));
        assertThat(callback.getLong("callbackId")).isPositive();
        // the blocked number and the sleeping Vladivostok contact are never offered
        next(op1, campaign).then().statusCode(204);

        clock("2026-12-01T16:00:00+03:00");
        next(op2, campaign).then().statusCode(204); // op1's callback is op1's until the grace period ends
        JsonPath own = offered(op1, campaign);
        assertThat(own.getLong("contactId")).isEqualTo(b);
        assertThat(own.getString("kind")).isEqualTo("OWN_CALLBACK");
        assertThat(own.getString("callback.note")).isEqualTo("call after four");
        JsonPath interested = outcome(op1, campaign, own.getLong("id"), Map.of("outcome", "INTERESTED",
                "lead", Map.of("estimatedValue", 50000)));
        assertThat(interested.getLong("leadId")).isPositive();
        assertThat(interested.getBoolean("entry.done")).isTrue();
        admin().get("/api/callbacks/" + callback.getLong("callbackId")).then().statusCode(200).body("state", equalTo("DONE"));

        clock("2026-12-01T17:00:01+03:00"); // two hours after the no-answer
        JsonPath retry = offered(op2, campaign);
        assertThat(retry.getLong("contactId")).isEqualTo(a);
        assertThat(retry.getString("kind")).isEqualTo("RETRY");
        assertThat(retry.getInt("attempts")).isEqualTo(1);

        // the outcome is written on the call record of that conversation
        long callId = outcome(op2, campaign, retry.getLong("id"), Map.of("outcome", "NOT_INTERESTED", "note", "no budget"))
                .getLong("callId");
        admin().get("/api/calls/" + callId).then().statusCode(200).body("outcome", equalTo("NOT_INTERESTED"))
                .body("direction", equalTo("OUT"));

        JsonPath list = admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("total")).isEqualTo(4);
        assertThat(list.getInt("done")).isEqualTo(2);
        assertThat(list.getInt("pending")).isEqualTo(2);
        assertThat(list.getInt("blockedByDnc")).isEqualTo(1);
    }

    @Test
    void theWindowIsTheContactsOwnAndHolidaysAreClosed() {
        String op = operators.get(0);
        long campaign = campaign(operators);
        long moscow = contact("Moscow Caller", moscowNumber(), false);
        long vladivostok = contact("Vladivostok Caller", vladivostokNumber(), false);
        put(campaign, moscow, vladivostok);

        clock("2026-11-04T12:00:00+03:00"); // Unity Day
        next(op, campaign).then().statusCode(204);

        clock("2026-12-01T15:00:00+03:00"); // 22:00 in Vladivostok: only the Moscow contact
        JsonPath m = offered(op, campaign);
        assertThat(m.getLong("contactId")).isEqualTo(moscow);
        outcome(op, campaign, m.getLong("id"), Map.of("outcome", "COMPLETED"));
        next(op, campaign).then().statusCode(204);

        clock("2026-12-02T08:30:00+03:00"); // 15:30 in Vladivostok, Moscow not yet open
        JsonPath v = offered(op, campaign);
        assertThat(v.getLong("contactId")).isEqualTo(vladivostok);
        assertThat(v.getString("timeZone")).isEqualTo("Asia/Vladivostok");
        assertThat(v.getString("localTime")).startsWith("2026-12-02T15:30");
    }

    @Test
    void attemptsAreLimitedAndRetriesWaitTheirTime() {
        String op = operators.get(0);
        long campaign = campaign(operators);
        JsonPath rules = admin().get("/api/campaigns/" + campaign + "/outbound").then().statusCode(200).extract().jsonPath();
        assertThat(rules.getInt("maxAttempts")).isEqualTo(5);
        assertThat(rules.getInt("retryNoAnswerMinutes")).isEqualTo(120);
        assertThat(rules.getInt("retryBusyMinutes")).isEqualTo(15);
        Map<String, Object> change = new HashMap<>(rules.getMap("$"));
        change.put("maxAttempts", 2);
        change.put("script", "Good afternoon, {name}! I am calling from Alpha.");
        admin().body(change).put("/api/campaigns/" + campaign + "/outbound").then().statusCode(200)
                .body("maxAttempts", equalTo(2));
        Map<String, Object> wider = new HashMap<>(change);
        wider.put("windowStart", "08:00");
        wider.remove("version");
        admin().body(wider).put("/api/campaigns/" + campaign + "/outbound").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        put(campaign, contact("Busy Person", moscowNumber(), false));

        clock("2026-12-01T10:00:00+03:00");
        JsonPath first = offered(op, campaign);
        assertThat(first.getString("script")).startsWith("Good afternoon");
        outcome(op, campaign, first.getLong("id"), Map.of("outcome", "BUSY"));
        clock("2026-12-01T10:14:00+03:00");
        next(op, campaign).then().statusCode(204);
        clock("2026-12-01T10:15:01+03:00");
        JsonPath second = offered(op, campaign);
        assertThat(second.getLong("id")).isEqualTo(first.getLong("id"));
        outcome(op, campaign, second.getLong("id"), Map.of("outcome", "BUSY"));
        clock("2026-12-01T12:00:00+03:00");
        next(op, campaign).then().statusCode(204); // two attempts: the limit
        assertThat(admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath()
                .getInt("exhausted")).isEqualTo(1);
    }

    @Test
    void aLockThatRunsOutReturnsTheEntryToTheQueue() {
        String op1 = operators.get(0);
        String op2 = operators.get(1);
        long campaign = campaign(operators);
        put(campaign, contact("Held Person", moscowNumber(), false));
        clock("2026-12-01T11:00:00+03:00");
        long entry = offered(op1, campaign).getLong("id");
        next(op2, campaign).then().statusCode(204);
        clock("2026-12-01T11:05:01+03:00"); // the lock was 5 minutes
        assertThat(offered(op2, campaign).getLong("id")).isEqualTo(entry);
        as(op1, op1 + "-pw").body(Map.of("outcome", "COMPLETED")).post("/api/campaigns/" + campaign + "/entries/" + entry
                + "/outcome").then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void parallelRequestsNeverShareAnEntry() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(operator());
        }
        long campaign = campaign(many);
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            contacts.add(contact("Parallel " + i, moscowNumber(), false));
        }
        put(campaign, contacts.toArray(Long[]::new));
        clock("2026-12-01T12:00:00+03:00");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String op : many) {
                Callable<Response> ask = () -> next(op, campaign);
                answers.add(pool.submit(ask));
            }
            Set<Long> entries = new HashSet<>();
            int empty = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 204) {
                    empty++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(entries.add(r.jsonPath().getLong("id"))).as("an entry handed out twice").isTrue();
                }
            }
            assertThat(entries).hasSize(10);
            assertThat(empty).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOwnedCallbackGoesToThePoolAfterItsGracePeriodAndIsNeverLost() {
        String op1 = operators.get(0);
        String op2 = operators.get(1);
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        long campaign = campaign(operators);
        put(campaign, contact("Callback Person", moscowNumber(), false), contact("Second Person", moscowNumber(), false));
        clock("2026-12-01T10:00:00+03:00");
        JsonPath taken = offered(op1, campaign);
        long callbackId = outcome(op1, campaign, taken.getLong("id"), Map.of("outcome", "CALLBACK",
                "callbackAt", "2026-12-01T14:00:00+03:00")).getLong("callbackId");
        JsonPath mine = as(op1, op1 + "-pw").queryParam("due", "today").get("/api/callbacks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getList("items.id", Long.class)).containsExactly(callbackId);
        assertThat(as(op2, op2 + "-pw").queryParam("due", "today").get("/api/callbacks").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        // op2 works the other entry meanwhile
        outcome(op2, campaign, offered(op2, campaign).getLong("id"), Map.of("outcome", "COMPLETED"));

        clock("2026-12-01T14:10:00+03:00"); // due, within the 15-minute grace: still op1's
        next(op2, campaign).then().statusCode(204);
        assertThat(as(supervisor, supervisor + "-pw").queryParam("overdue", true).queryParam("campaign", campaign)
                .get("/api/callbacks").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class)).doesNotContain(callbackId);
        clock("2026-12-01T14:15:01+03:00"); // op1 did not take it: the pool's, and overdue
        assertThat(as(supervisor, supervisor + "-pw").queryParam("overdue", true).queryParam("campaign", campaign)
                .get("/api/callbacks").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class)).contains(callbackId);
        JsonPath pooled = offered(op2, campaign);
        assertThat(pooled.getString("kind")).isEqualTo("POOL_CALLBACK");
        assertThat(pooled.getLong("callback.id")).isEqualTo(callbackId);
        outcome(op2, campaign, pooled.getLong("id"), Map.of("outcome", "CALLBACK", "callbackAt", "2026-12-02T11:00",
                "callbackTo", "pool"));
        admin().get("/api/callbacks/" + callbackId).then().body("state", equalTo("DONE"));

        // the new one is the pool's; a supervisor gives it to op1; cancelling needs a reason
        JsonPath open = as(supervisor, supervisor + "-pw").queryParam("campaign", campaign).get("/api/callbacks").then()
                .statusCode(200).extract().jsonPath();
        assertThat(open.getList("items")).hasSize(1);
        assertThat(open.getBoolean("items[0].pool")).isTrue();
        long next = open.getLong("items[0].id");
        as(supervisor, supervisor + "-pw").body(Map.of("owner", op1, "version", open.getLong("items[0].version")))
                .put("/api/callbacks/" + next).then().statusCode(200).body("owner", equalTo(op1));
        as(op1, op1 + "-pw").body(Map.of()).post("/api/callbacks/" + next + "/cancel").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        as(op2, op2 + "-pw").body(Map.of("reason", "not mine")).post("/api/callbacks/" + next + "/cancel").then()
                .statusCode(404);
        as(op1, op1 + "-pw").body(Map.of("reason", "the client called us first")).post("/api/callbacks/" + next + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("the client called us first"));
        assertThat(as(supervisor, supervisor + "-pw").queryParam("campaign", campaign).queryParam("state", "all")
                .get("/api/callbacks").then().extract().jsonPath().getList("items.state", String.class))
                .containsExactlyInAnyOrder("DONE", "CANCELLED");

        // a callback planned by hand for a contact not yet on the list puts the contact on it
        long newcomer = contact("Late Caller", moscowNumber(), false);
        JsonPath planned = as(op1, op1 + "-pw").body(Map.of("campaignId", campaign, "contactId", newcomer,
                "dueAt", "2026-12-01T18:00", "note", "asked to be called at six")).post("/api/callbacks").then()
                .statusCode(201).extract().jsonPath();
        assertThat(planned.getString("owner")).isEqualTo(op1);
        assertThat(planned.getString("dueLocal")).startsWith("2026-12-01T18:00");
        clock("2026-12-01T18:00:00+03:00");
        JsonPath served = offered(op1, campaign);
        assertThat(served.getLong("contactId")).isEqualTo(newcomer);
        assertThat(served.getString("kind")).isEqualTo("OWN_CALLBACK");
    }

    @Test
    void outcomesDoWhatTheyPromiseAndConsentIsRequiredWhereTheCampaignSaysSo() {
        String op = operators.get(0);
        long campaign = campaign(operators);
        Map<String, Object> rules = new HashMap<>(admin().get("/api/campaigns/" + campaign + "/outbound").then()
                .extract().jsonPath().getMap("$"));
        rules.put("needsConsent", true);
        admin().body(rules).put("/api/campaigns/" + campaign + "/outbound").then().statusCode(200);
        String number = moscowNumber();
        long withoutConsent = contact("No Consent", moscowNumber(), false);
        long withConsent = contact("Has Consent", number, true);
        put(campaign, withoutConsent, withConsent);
        clock("2026-12-01T12:00:00+03:00");
        JsonPath offer = offered(op, campaign);
        assertThat(offer.getLong("contactId")).isEqualTo(withConsent);

        as(op, op + "-pw").body(Map.of("outcome", "MAYBE")).post("/api/campaigns/" + campaign + "/entries/"
                + offer.getLong("id") + "/outcome").then().statusCode(400).contentType(PROBLEM_JSON);
        as(op, op + "-pw").body(Map.of("outcome", "CALLBACK")).post("/api/campaigns/" + campaign + "/entries/"
                + offer.getLong("id") + "/outcome").then().statusCode(400).body("violations[0].field", equalTo("callbackAt"));
        String stranger = operator();
        next(stranger, campaign).then().statusCode(403);

        outcome(op, campaign, offer.getLong("id"), Map.of("outcome", "DNC_REQUEST", "note", "do not call me again"));
        admin().queryParam("number", number).queryParam("clientId", client).get("/api/dnc/check").then().statusCode(200)
                .body("mayCall", equalTo(false));
        next(op, campaign).then().statusCode(204);
    }

    @Test
    void sendInfoQueuesTheCampaignsEmailAndMeetingBooksTheManager() {
        String op = operators.get(0);
        long campaign = campaign(operators);
        admin().body(Map.of("name", "Prices", "subject", "{{contact.firstName}}, our prices", "text",
                "Dear {{contact.fullName}}, the prices of {{campaign.name}}.", "active", true, "defaultTemplate", true))
                .post("/api/campaigns/" + campaign + "/templates").then().statusCode(201);
        String email = unique("info") + "@example.com";
        long withMail = admin().body(Map.of("fullName", "Maria Info", "phones", List.of(Map.of("number", moscowNumber())),
                "emails", List.of(email))).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        long meetingContact = contact("Mark Meeting", moscowNumber(), false);
        long clash = contact("Clara Clash", moscowNumber(), false);
        put(campaign, withMail, meetingContact, clash);
        String manager = unique("mgr");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        clock("2026-12-01T12:00:00+03:00");

        JsonPath info = outcome(op, campaign, offered(op, campaign).getLong("id"), Map.of("outcome", "SEND_INFO"));
        JsonPath mail = admin().get("/api/outbox/" + info.getLong("mailId")).then().statusCode(200).extract().jsonPath();
        assertThat(mail.getList("to", String.class)).containsExactly(email);
        assertThat(mail.getString("subject")).isEqualTo("Maria, our prices");
        assertThat(mail.getString("text")).contains("Dear Maria Info");

        Map<String, Object> meeting = Map.of("manager", manager, "start", "2026-12-03T11:00:00+03:00",
                "end", "2026-12-03T12:00:00+03:00", "place", "Office, Nevsky 1");
        JsonPath booked = outcome(op, campaign, offered(op, campaign).getLong("id"), Map.of("outcome", "MEETING",
                "meeting", meeting));
        admin().get("/api/meetings/" + booked.getLong("meetingId")).then().statusCode(200)
                .body("manager", equalTo(manager)).body("contactId", equalTo((int) meetingContact));
        // the manager is taken at that hour: the whole outcome is refused, the entry stays to be worked
        long third = offered(op, campaign).getLong("id");
        as(op, op + "-pw").body(Map.of("outcome", "MEETING", "meeting", meeting))
                .post("/api/campaigns/" + campaign + "/entries/" + third + "/outcome").then().statusCode(409)
                .contentType(PROBLEM_JSON);
        assertThat(offered(op, campaign).getLong("id")).isEqualTo(third);
    }

    @Test
    void listsTakeContactIdsASearchAndAnUploadWithEveryBadRowReported() {
        long campaign = campaign(operators);
        String tag = unique("tag");
        Map<String, Object> tagged = Map.of("fullName", "Tagged Person", "phones", List.of(Map.of("number", moscowNumber())),
                "tags", List.of(tag));
        admin().body(tagged).post("/api/contacts").then().statusCode(201);
        long known = contact("Known Person", moscowNumber(), false);
        admin().body(Map.of("contactIds", List.of(known, 999_999_999L))).post("/api/campaigns/" + campaign + "/list")
                .then().statusCode(200).body("added", equalTo(1)).body("rejected[0].contactId", equalTo(999_999_999));
        admin().body(Map.of("search", Map.of("tag", tag))).post("/api/campaigns/" + campaign + "/list").then()
                .statusCode(200).body("added", equalTo(1));
        String csv = "phone,name\n" + moscowNumber() + ",New Person\nnot-a-number,Nobody\n" + moscowNumber() + ",\n";
        JsonPath report = admin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/campaigns/" + campaign + "/list/import").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("imported")).isEqualTo(1);
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(3, 4);
        assertThat(admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isEqualTo(3);
        String inbound = admin().body(Map.of("code", unique("IN").toUpperCase(), "name", "Inbound", "type", "INBOUND_AD",
                "clientId", client)).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getString("id");
        admin().get("/api/campaigns/" + inbound + "/list").then().statusCode(409).contentType(PROBLEM_JSON);
        String clientUser = unique("client");
        createUser(clientUser, List.of("CLIENT"), null, createClient(unique("Other")));
        as(clientUser, clientUser + "-pw").get("/api/campaigns/" + campaign + "/list").then().statusCode(404);
        // an operator sees and plans on the lists of their own campaigns only
        String stranger = operator();
        as(stranger, stranger + "-pw").get("/api/campaigns/" + campaign + "/list").then().statusCode(403);
        as(stranger, stranger + "-pw").body(Map.of("campaignId", campaign, "contactId", known, "dueAt", "2026-12-01T10:00"))
                .post("/api/callbacks").then().statusCode(403);
        String assigned = operators.get(0);
        as(assigned, assigned + "-pw").get("/api/campaigns/" + campaign + "/list").then().statusCode(200);
        long phoneless = admin().body(Map.of("fullName", "No Phone", "emails", List.of(unique("np") + "@example.com")))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        as(assigned, assigned + "-pw").body(Map.of("campaignId", campaign, "contactId", phoneless,
                "dueAt", "2026-12-01T10:00")).post("/api/callbacks").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("contactId"));
    }
}
