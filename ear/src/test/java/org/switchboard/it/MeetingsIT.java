package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.anonymous;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Meetings over HTTP: booking, moving and cancelling; a manager never double-booked, not even by parallel
 * requests; iCalendar files and the manager's feed; validation; who sees which meeting.
 */
@ExtendWith(ArquillianExtension.class)
class MeetingsIT {

    /** A day well ahead, so every booking is in the future; times are Moscow time (+03:00). */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    private String manager;
    private String operator;
    private long contact;
    private String contactName;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        manager = unique("boss");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        contactName = "Пётр Встречин " + unique("c");
        contact = createContact(contactName, freeMobile());
    }

    static String at(int hour, int minute) {
        return OffsetDateTime.of(DAY.atTime(hour, minute), ZoneOffset.ofHours(3)).toString();
    }

    static String utc(int hour, int minute) {
        return OffsetDateTime.of(DAY.atTime(hour, minute), ZoneOffset.ofHours(3)).toInstant().toString();
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    private Map<String, Object> meeting(String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contact);
        body.put("manager", manager);
        body.put("start", start);
        body.put("end", end);
        body.put("place", "Невский пр. 28, офис 5");
        body.put("note", "bring the price list");
        return body;
    }

    private Response book(RequestSpecification who, Map<String, Object> body) {
        return who.body(body).post("/api/meetings");
    }

    @Test
    void aMeetingIsBookedReadMovedAndCancelled() {
        Response created = book(user(operator), meeting(at(12, 0), at(13, 0)));
        created.then().statusCode(201).body("state", equalTo("SCHEDULED")).body("version", equalTo(0))
                .body("manager", equalTo(manager)).body("bookedBy", equalTo(operator))
                .body("start", equalTo(utc(12, 0))).body("end", equalTo(utc(13, 0)));
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/meetings/" + id);
        assertThat(created.jsonPath().getString("ics")).isEqualTo("/api/meetings/" + id + ".ics");

        JsonPath read = user(manager).get("/api/meetings/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getLong("contactId")).isEqualTo(contact);
        assertThat(read.getString("place")).isEqualTo("Невский пр. 28, офис 5");
        assertThat(read.getString("createdAt")).isNotBlank();

        Map<String, Object> move = meeting(at(15, 0), at(16, 30));
        move.put("version", 0);
        move.put("place", "https://meet.example.com/abc");
        user(manager).body(move).put("/api/meetings/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("start", equalTo(utc(15, 0))).body("end", equalTo(utc(16, 30)))
                .body("place", equalTo("https://meet.example.com/abc"));
        user(manager).body(move).put("/api/meetings/" + id).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Edit conflict"));
        Map<String, Object> noVersion = meeting(at(15, 0), at(16, 30));
        user(manager).body(noVersion).put("/api/meetings/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("version"));

        user(manager).body(Map.of("state", "CANCELLED", "version", 1)).put("/api/meetings/" + id).then()
                .statusCode(400).body("violations[0].field", equalTo("cancelReason"));
        user(manager).body(Map.of("state", "CANCELLED", "cancelReason", "the client is ill", "version", 1))
                .put("/api/meetings/" + id).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("the client is ill"))
                .body("version", equalTo(2)).body("start", equalTo(utc(15, 0)));
        move.put("version", 2);
        user(manager).body(move).put("/api/meetings/" + id).then().statusCode(409)
                .body("detail", startsWith("Meeting " + id + " is cancelled"));

        Map<String, Object> otherContact = meeting(at(15, 0), at(16, 30));
        otherContact.put("contactId", contact + 1);
        otherContact.put("version", 2);
        user(manager).body(otherContact).put("/api/meetings/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("contactId"));
        admin().body(move).put("/api/meetings/99999999").then().statusCode(404);
    }

    @Test
    void theListFiltersByManagerPeriodContactAndState() {
        long first = book(user(operator), meeting(at(9, 0), at(10, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long second = book(user(operator), meeting(at(14, 0), at(15, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath all = admin().queryParam("manager", manager).get("/api/meetings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("items.id", Long.class)).containsExactly(first, second);
        assertThat(all.getInt("total")).isEqualTo(2);
        assertThat(admin().queryParam("manager", manager).queryParam("from", at(9, 30))
                .queryParam("to", at(11, 0)).get("/api/meetings").jsonPath().getList("items.id", Long.class))
                .as("meetings overlapping the period").containsExactly(first);
        assertThat(admin().queryParam("manager", manager).queryParam("from", DAY.toString())
                .queryParam("to", DAY.toString()).queryParam("sort", "-start").get("/api/meetings").jsonPath()
                .getList("items.id", Long.class)).as("a whole call-centre day").containsExactly(second, first);
        assertThat(admin().queryParam("contactId", contact).get("/api/meetings").jsonPath().getInt("total"))
                .isEqualTo(2);
        assertThat(admin().queryParam("manager", manager).queryParam("state", "CANCELLED").get("/api/meetings")
                .jsonPath().getInt("total")).isZero();
        admin().queryParam("from", "next tuesday").get("/api/meetings").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("from"));
        admin().queryParam("state", "POSTPONED").get("/api/meetings").then().statusCode(400);
        admin().queryParam("sort", "place").get("/api/meetings").then().statusCode(400);
    }

    @Test
    void aManagerIsNeverDoubleBookedButBackToBackIsFine() {
        long first = book(user(operator), meeting(at(10, 0), at(11, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        book(user(operator), meeting(at(10, 30), at(11, 30))).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("existing.id", equalTo((int) first))
                .body("existing.href", equalTo("/api/meetings/" + first))
                .body("existing.start", equalTo(utc(10, 0)));
        book(user(operator), meeting(at(9, 0), at(12, 0))).then().statusCode(409);
        long after = book(user(operator), meeting(at(11, 0), at(12, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(book(user(operator), meeting(at(11, 0), at(12, 0))).then().statusCode(409)
                .extract().jsonPath().getLong("existing.id")).as("the back-to-back meeting").isEqualTo(after);
        book(user(operator), meeting(at(9, 0), at(10, 0))).then().statusCode(201);

        String deputy = unique("deputy");
        createUser(deputy, List.of("SUPERVISOR"), null, null);
        Map<String, Object> sameSlotOtherManager = meeting(at(10, 0), at(11, 0));
        sameSlotOtherManager.put("manager", deputy);
        long deputys = book(user(operator), sameSlotOtherManager).then().statusCode(201).extract().jsonPath()
                .getLong("id");

        // moving a meeting onto a taken slot is refused the same way; cancelling frees the slot
        Map<String, Object> move = meeting(at(10, 0), at(11, 0));
        move.put("version", 0);
        user(manager).body(move).put("/api/meetings/" + deputys).then().statusCode(409)
                .body("existing.id", equalTo((int) first));
        user(manager).body(Map.of("state", "CANCELLED", "cancelReason", "moved", "version", 0))
                .put("/api/meetings/" + first).then().statusCode(200);
        user(manager).body(move).put("/api/meetings/" + deputys).then().statusCode(200)
                .body("manager", equalTo(manager));
    }

    @Test
    void parallelBookingsOfOneSlotGiveExactlyOneMeeting() throws Exception {
        int threads = 8;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((operator + ":" + operator + "-pw")
                .getBytes(StandardCharsets.UTF_8));
        String body = "{\"contactId\":" + contact + ",\"manager\":\"" + manager + "\",\"start\":\"" + at(17, 0)
                + "\",\"end\":\"" + at(18, 0) + "\",\"place\":\"Office\",\"note\":\"race\"}";
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<HttpResponse<String>> post = () -> {
                    go.await();
                    return http.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/meetings"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                };
                answers.add(pool.submit(post));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(90, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin().queryParam("manager", manager).get("/api/meetings").jsonPath().getInt("total"))
                .isEqualTo(1);
    }

    @Test
    void aMeetingAndAManagersCalendarAreICalendarFiles() {
        Map<String, Object> body = meeting(at(12, 0), at(13, 0));
        body.put("note", "Договор, образцы; и прайс\nвторой строкой");
        long id = book(user(operator), body).then().statusCode(201).extract().jsonPath().getLong("id");
        Response ics = user(operator).get("/api/meetings/" + id + ".ics");
        ics.then().statusCode(200).contentType(startsWith("text/calendar"));
        String text = new String(ics.asByteArray(), StandardCharsets.UTF_8);
        String unfolded = text.replace("\r\n ", "");
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String compact = DAY.toString().replace("-", "");
        assertThat(unfolded).contains("UID:meeting-" + id + "@switchboard\r\n", "SEQUENCE:0\r\n",
                "DTSTART:" + compact + "T090000Z\r\n", "DTEND:" + compact + "T100000Z\r\n",
                "SUMMARY:Meeting with " + contactName + "\r\n", "LOCATION:Невский пр. 28\\, офис 5\r\n",
                "Договор\\, образцы\\; и прайс\\nвторой строкой", "STATUS:CONFIRMED\r\n");
        assertThat(unfolded).containsPattern("DTSTAMP:\\d{8}T\\d{6}Z\r\n");

        user(manager).body(Map.of("state", "CANCELLED", "cancelReason", "no budget", "version", 0))
                .put("/api/meetings/" + id).then().statusCode(200);
        long other = book(user(operator), meeting(at(14, 0), at(15, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        String cancelled = user(manager).get("/api/meetings/" + id + ".ics").asString().replace("\r\n ", "");
        assertThat(cancelled).contains("STATUS:CANCELLED\r\n", "SEQUENCE:1\r\n", "UID:meeting-" + id + "@switchboard");

        Response feed = user(manager).get("/api/meetings/calendar/" + manager + ".ics");
        feed.then().statusCode(200).contentType(startsWith("text/calendar"));
        String calendar = new String(feed.asByteArray(), StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(calendar).containsSubsequence("UID:meeting-" + id + "@switchboard", "STATUS:CANCELLED",
                "UID:meeting-" + other + "@switchboard", "STATUS:CONFIRMED").contains("X-WR-CALNAME:Meetings of Test "
                + manager);
        assertThat(admin().get("/api/meetings/calendar/" + manager + ".ics").asString()).contains("meeting-" + other);

        anonymous().get("/api/meetings/calendar/" + manager + ".ics").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
        user(operator).get("/api/meetings/calendar/" + manager + ".ics").then().statusCode(403);
        admin().get("/api/meetings/calendar/" + unique("nobody") + ".ics").then().statusCode(404);
        admin().get("/api/meetings/99999999.ics").then().statusCode(404);
    }

    @Test
    void badMeetingsAreRefusedWithWhatToFix() {
        book(user(operator), meeting(at(13, 0), at(12, 0))).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("end")));
        book(user(operator), meeting(at(8, 0), at(20, 1))).then().statusCode(400)
                .body("violations[0].message", equalTo("must be at most 12 hours after start"));
        String past = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();
        book(user(operator), meeting(past, at(10, 0))).then().statusCode(400);
        book(user(operator), meeting(DAY + "T12:00:00", at(13, 0))).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("start"));
        book(user(operator), meeting(DAY + "T25:00:00+03:00", at(13, 0))).then().statusCode(400)
                .body("violations[0].field", equalTo("start"));
        book(user(operator), meeting("tomorrow", at(13, 0))).then().statusCode(400);

        Map<String, Object> nobody = meeting(at(12, 0), at(13, 0));
        nobody.remove("contactId");
        nobody.put("manager", operator);
        nobody.put("campaign", "NO-SUCH-CAMPAIGN");
        book(user(operator), nobody).then().statusCode(400)
                .body("violations.field", equalTo(List.of("contactId", "campaign", "manager")));

        String gone = unique("gone");
        long goneId = ((Number) createUser(gone, List.of("SUPERVISOR"), null, null).get("id")).longValue();
        admin().delete("/api/users/" + goneId).then().statusCode(204);
        Map<String, Object> toGone = meeting(at(12, 0), at(13, 0));
        toGone.put("manager", gone);
        book(user(operator), toGone).then().statusCode(400).body("violations[0].field", equalTo("manager"))
                .body("violations[0].message", equalTo("names a disabled or deleted user"));

        long erased = createContact("Erased " + unique("c"), freeMobile());
        admin().delete("/api/contacts/" + erased).then().statusCode(204);
        Map<String, Object> toErased = meeting(at(12, 0), at(13, 0));
        toErased.put("contactId", erased);
        book(user(operator), toErased).then().statusCode(400).body("violations[0].field", equalTo("contactId"));

        Map<String, Object> unknownField = meeting(at(12, 0), at(13, 0));
        unknownField.put("room", "5");
        book(user(operator), unknownField).then().statusCode(400).body("title", equalTo("Unknown field"));
        Map<String, Object> bornCancelled = meeting(at(12, 0), at(13, 0));
        bornCancelled.put("state", "CANCELLED");
        book(user(operator), bornCancelled).then().statusCode(400).body("violations[0].field", equalTo("state"));
        user(operator).body("{\"contactId\":").post("/api/meetings").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        admin().queryParam("manager", manager).get("/api/meetings").then().body("total", equalTo(0));
    }

    @Test
    void operatorsSeeWhatTheyBookedClientsTheirOwnCampaignsAndMarketersNothing() {
        long client = createClient(unique("Meetings Client"));
        String campaign = createCampaign(client, "OUTBOUND", List.of(operator));
        long otherClient = createClient(unique("Other Meetings Client"));
        String otherCampaign = createCampaign(otherClient, "OUTBOUND");

        Map<String, Object> ours = meeting(at(9, 0), at(10, 0));
        ours.put("campaign", campaign.toLowerCase());
        long own = book(user(operator), ours).then().statusCode(201).body("campaign", equalTo(campaign))
                .extract().jsonPath().getLong("id");
        Map<String, Object> theirs = meeting(at(10, 0), at(11, 0));
        theirs.put("campaign", otherCampaign);
        long foreign = book(user(manager), theirs).then().statusCode(201).body("bookedBy", equalTo(manager))
                .extract().jsonPath().getLong("id");
        long plain = book(admin(), meeting(at(11, 0), at(12, 0))).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // an operator reads the meetings they booked, and no other
        user(operator).get("/api/meetings/" + own).then().statusCode(200);
        user(operator).get("/api/meetings/" + foreign).then().statusCode(404);
        user(operator).get("/api/meetings/" + foreign + ".ics").then().statusCode(404);
        assertThat(user(operator).queryParam("manager", manager).get("/api/meetings").jsonPath()
                .getList("items.id", Long.class)).containsExactly(own);
        Map<String, Object> move = meeting(at(9, 0), at(10, 0));
        move.put("version", 0);
        user(operator).body(move).put("/api/meetings/" + own).then().statusCode(403);

        // a supervisor sees and edits any
        assertThat(user(manager).queryParam("manager", manager).get("/api/meetings").jsonPath()
                .getList("items.id", Long.class)).containsExactly(own, foreign, plain);

        // a CLIENT reads its own campaigns' meetings only
        String viewer = unique("client");
        createUser(viewer, List.of("CLIENT"), null, client);
        user(viewer).get("/api/meetings/" + own).then().statusCode(200).body("campaign", equalTo(campaign));
        user(viewer).get("/api/meetings/" + own + ".ics").then().statusCode(200);
        user(viewer).get("/api/meetings/" + foreign).then().statusCode(404).contentType(PROBLEM_JSON);
        user(viewer).get("/api/meetings/" + plain).then().statusCode(404);
        assertThat(user(viewer).queryParam("manager", manager).get("/api/meetings").jsonPath()
                .getList("items.id", Long.class)).containsExactly(own);
        book(user(viewer), meeting(at(13, 0), at(14, 0))).then().statusCode(403);
        user(viewer).get("/api/meetings/calendar/" + manager + ".ics").then().statusCode(403);

        // marketing has no business with meetings
        String marketer = unique("mk");
        createUser(marketer, List.of("MARKETER"), null, null);
        user(marketer).get("/api/meetings").then().statusCode(403).contentType(PROBLEM_JSON);
        user(marketer).get("/api/meetings/" + own).then().statusCode(403);
        book(user(marketer), meeting(at(13, 0), at(14, 0))).then().statusCode(403);
        anonymous().get("/api/meetings").then().statusCode(401);
    }
}
