package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write that can race, raced over HTTP against the deployed EAR: 20 operators working one call list at once
 * (no entry held by two, none offered before it is due, attempts equal the outcomes posted), 100 parallel edits of
 * one lead and of one contact (exactly one wins), 50 parallel bookings of one meeting slot and parallel plan changes
 * (one row each), and four overlapping CDR files imported at once (every distinct line once, in the calls and in the
 * report). Nothing here is timed; the assertions are about what was stored.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final DateTimeFormatter PBX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    // ---------------------------------------------------------------- plain HTTP, safe from many threads

    record Answer(int status, String body, String contentType) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static Answer send(String user, String password, String method, String path, String contentType,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(5));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer asUser(String user, String method, String path, String json) {
        return send(user, user + "-pw", method, path, "application/json", json);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs the tasks at once (all released by one latch) and returns their results in order. */
    private static <T> List<T> atOnce(int threads, List<Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(15, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void clock(OffsetDateTime now) {
        admin().body(Map.of("now", now.toString())).put("/api/system/clock").then().statusCode(200);
    }

    // ---------------------------------------------------------------- the queue

    /** What the test knows of an entry from the outcomes it posted: when it may be offered next, and to whom. */
    record Due(OffsetDateTime at, String owner, OffsetDateTime ownerOnlyUntil) {
    }

    @Test
    void twentyOperatorsWorkingOneListNeverShareAnEntryNorTakeOneBeforeItIsDue() throws Exception {
        int operators = 20;
        int cycles = 200;
        int contacts = 2000;
        long client = createClient(unique("Race Client"));
        List<String> team = new ArrayList<>();
        for (int i = 0; i < operators; i++) {
            String op = unique("race");
            createUser(op, List.of("OPERATOR"), freeExtension(), null);
            team.add(op);
        }
        String code = unique("RACE").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Race " + code, "type", "OUTBOUND", "clientId", client,
                "operators", team)).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath rules = admin().get("/api/campaigns/" + campaign + "/outbound").then().statusCode(200).extract().jsonPath();
        Map<String, Object> change = new HashMap<>(rules.getMap("$"));
        int retryNoAnswer = 40;
        int retryBusy = 15;
        int grace = 10;
        change.put("maxAttempts", 5);
        change.put("retryNoAnswerMinutes", retryNoAnswer);
        change.put("retryBusyMinutes", retryBusy);
        change.put("callbackGraceMinutes", grace);
        change.put("windowStart", "09:00");
        change.put("windowEnd", "21:00");
        admin().body(change).put("/api/campaigns/" + campaign + "/outbound").then().statusCode(200);

        // the list: 2000 Moscow contacts uploaded to it, numbers no other test uses (area code 499)
        int base = 2_000_000 + new Random().nextInt(3_000_000);
        StringBuilder upload = new StringBuilder("phone,name\n");
        for (int i = 0; i < contacts; i++) {
            upload.append("+7499").append(base + i).append(",Race contact ").append(i).append('\n');
        }
        admin().contentType("text/csv").body(upload.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/campaigns/" + campaign + "/list/import").then().statusCode(200)
                .body("imported", org.hamcrest.Matchers.equalTo(contacts));

        Map<Long, Due> due = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> posted = new ConcurrentHashMap<>();
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
        team.forEach(op -> done.put(op, new AtomicInteger()));
        Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();

        OffsetDateTime now = OffsetDateTime.of(LocalDateTime.of(2026, 12, 1, 9, 30), MOSCOW);
        int idlePhases = 0;
        for (int phase = 0; phase < 60 && idlePhases < 4; phase++) {
            clock(now);
            OffsetDateTime at = now;
            Set<Long> offeredNow = ConcurrentHashMap.newKeySet();
            AtomicInteger offers = new AtomicInteger();
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < operators; t++) {
                String op = team.get(t);
                Random random = new Random(phase * 1000L + t);
                work.add(() -> {
                    while (done.get(op).get() < cycles) {
                        Answer next = asUser(op, "POST", "/api/campaigns/" + campaign + "/next", null);
                        if (next.status() == 204) {
                            return null;
                        }
                        if (next.status() != 200) {
                            failures.add(op + " next: " + next.status() + " " + next.body());
                            return null;
                        }
                        offers.incrementAndGet();
                        JsonPath offer = next.json();
                        long entry = offer.getLong("id");
                        String kind = offer.getString("kind");
                        kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                        if (!offeredNow.add(entry)) {
                            violations.add("entry " + entry + " was offered twice at " + at + " (again to " + op + " as "
                                    + kind + ")");
                        }
                        Due expected = due.get(entry);
                        if (expected != null && expected.at().isAfter(at)) {
                            violations.add("entry " + entry + " was offered to " + op + " at " + at + " as " + kind
                                    + ", before it was due at " + expected.at());
                        }
                        if (expected != null && expected.owner() != null && !expected.owner().equals(op)
                                && expected.ownerOnlyUntil().isAfter(at)) {
                            violations.add("entry " + entry + ", a callback of " + expected.owner() + ", went to " + op
                                    + " at " + at + " inside the owner's grace period");
                        }
                        Map<String, Object> body = new HashMap<>();
                        int dice = random.nextInt(100);
                        Due then;
                        if (dice < 35) {
                            body.put("outcome", "NO_ANSWER");
                            then = new Due(at.plusMinutes(retryNoAnswer), null, at);
                        } else if (dice < 55) {
                            body.put("outcome", "BUSY");
                            then = new Due(at.plusMinutes(retryBusy), null, at);
                        } else if (dice < 65) {
                            OffsetDateTime callbackAt = at.plusMinutes(25);
                            boolean pool = random.nextBoolean();
                            body.put("outcome", "CALLBACK");
                            body.put("callbackAt", callbackAt.toString());
                            body.put("callbackTo", pool ? "pool" : "own");
                            then = new Due(callbackAt, pool ? null : op, callbackAt.plusMinutes(grace));
                        } else if (dice < 85) {
                            body.put("outcome", "NOT_INTERESTED");
                            then = new Due(OffsetDateTime.MAX, null, at);
                        } else {
                            body.put("outcome", "COMPLETED");
                            then = new Due(OffsetDateTime.MAX, null, at);
                        }
                        Answer outcome = asUser(op, "POST", "/api/campaigns/" + campaign + "/entries/" + entry + "/outcome",
                                json(body));
                        if (outcome.status() != 200) {
                            failures.add(op + " outcome on " + entry + ": " + outcome.status() + " " + outcome.body());
                            return null;
                        }
                        due.put(entry, then);
                        posted.computeIfAbsent(entry, e -> new AtomicInteger()).incrementAndGet();
                        done.get(op).incrementAndGet();
                    }
                    return null;
                });
            }
            atOnce(operators, work);
            assertThat(failures).as("requests that failed").isEmpty();
            idlePhases = offers.get() == 0 ? idlePhases + 1 : 0;
            if (done.values().stream().allMatch(d -> d.get() >= cycles)) {
                break;
            }
            now = now.plusMinutes(20);
        }

        assertThat(violations).as("queue violations").isEmpty();
        assertThat(done.values().stream().mapToInt(AtomicInteger::get).sum()).as("cycles worked")
                .isEqualTo(operators * cycles);
        assertThat(kinds.keySet()).as("kinds of offers seen").contains("FRESH", "RETRY");
        assertThat(kinds.keySet()).containsAnyOf("OWN_CALLBACK", "POOL_CALLBACK");

        // every outcome posted is one attempt on the entry and one call, no more and no fewer
        Map<Long, Integer> attempts = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonPath list = admin().queryParam("page", page).queryParam("size", 500)
                    .get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = list.getList("entries.items");
            for (Map<String, Object> item : items) {
                attempts.put(((Number) item.get("id")).longValue(), ((Number) item.get("attempts")).intValue());
                assertThat(item.get("lockedBy")).as("entry " + item.get("id") + " still held").isNull();
            }
            if (items.size() < 500) {
                break;
            }
        }
        assertThat(attempts).hasSize(contacts);
        Map<Long, Integer> expected = new HashMap<>();
        attempts.keySet().forEach(id -> expected.put(id, posted.containsKey(id) ? posted.get(id).get() : 0));
        assertThat(attempts).isEqualTo(expected);
        int calls = admin().queryParam("campaign", code).queryParam("size", 1).get("/api/calls").then().statusCode(200)
                .extract().jsonPath().getInt("total");
        assertThat(calls).as("calls logged by the outcomes").isEqualTo(operators * cycles);
    }

    // ---------------------------------------------------------------- edits of one version

    @Test
    void ofAHundredParallelEditsOfOneLeadExactlyOneWins() throws Exception {
        long client = createClient(unique("Edit Client"));
        String campaign = Api.createCampaign(client, "OUTBOUND");
        String operator = unique("editor");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        long contact = createContact("Lead Edited " + unique("c"), freeMobile());
        long lead = admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Callable<Answer>> edits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int value = 1000 + i;
            edits.add(() -> send(Api.ADMIN, Api.ADMIN_PASSWORD, "PUT", "/api/leads/" + lead, "application/json",
                    json(Map.of("estimatedValue", value, "notes", "edit " + value, "version", 0))));
        }
        List<Answer> answers = atOnce(50, edits);
        assertOneWins(answers);
        JsonPath winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json();
        JsonPath stored = admin().get("/api/leads/" + lead).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getInt("version")).isEqualTo(1);
        assertThat(stored.getDouble("estimatedValue")).isEqualTo(winner.getDouble("estimatedValue"));
        assertThat(stored.getString("notes")).isEqualTo(winner.getString("notes"));
    }

    @Test
    void ofAHundredParallelEditsOfOneContactExactlyOneWins() throws Exception {
        String number = freeMobile();
        long contact = createContact("Contact Edited " + unique("c"), number);
        List<Callable<Answer>> edits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = "Renamed " + i;
            edits.add(() -> send(Api.ADMIN, Api.ADMIN_PASSWORD, "PUT", "/api/contacts/" + contact, "application/json",
                    json(Map.of("fullName", name, "phones", List.of(Map.of("number", number)), "version", 0))));
        }
        List<Answer> answers = atOnce(50, edits);
        assertOneWins(answers);
        String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json()
                .getString("fullName");
        admin().get("/api/contacts/" + contact).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1))
                .body("fullName", org.hamcrest.Matchers.equalTo(winner));
    }

    private static void assertOneWins(List<Answer> answers) {
        assertThat(answers.stream().filter(a -> a.status() == 200).count()).as("winners").isEqualTo(1);
        List<Answer> lost = answers.stream().filter(a -> a.status() != 200).toList();
        assertThat(lost).hasSize(answers.size() - 1);
        for (Answer a : lost) {
            assertThat(a.status()).as(a.body()).isEqualTo(409);
            assertThat(a.contentType()).startsWith(Api.PROBLEM_JSON);
        }
    }

    // ---------------------------------------------------------------- bookings, callbacks, plans

    @Test
    void fiftyParallelBookingsOfOneSlotGiveOneMeeting() throws Exception {
        String manager = unique("mgr");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        List<Callable<Answer>> bookings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String operator = unique("booker");
            createUser(operator, List.of("OPERATOR"), freeExtension(), null);
            long contact = createContact("Booked " + i + " " + unique("c"), freeMobile());
            bookings.add(() -> asUser(operator, "POST", "/api/meetings", json(Map.of("contactId", contact,
                    "manager", manager, "start", "2026-12-21T15:00:00+03:00", "end", "2026-12-21T16:00:00+03:00",
                    "place", "Office", "note", "race"))));
        }
        List<Answer> answers = atOnce(50, bookings);
        assertThat(answers.stream().filter(a -> a.status() == 201).count()).as("bookings made").isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.status() == 409).count()).as("bookings refused").isEqualTo(49);
        assertThat(admin().queryParam("manager", manager).get("/api/meetings").jsonPath().getInt("total")).isEqualTo(1);
    }

    @Test
    void parallelCallbacksOnOneEntryLeaveOneOpenCallbackAndParallelPlansOneRowPerDay() throws Exception {
        long client = createClient(unique("Callback Client"));
        String operator = unique("cbop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String code = unique("CB").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Callbacks " + code, "type", "OUTBOUND", "clientId",
                client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long contact = createContact("Called Back " + unique("c"), "+7495" + (1_000_000 + new Random().nextInt(8_999_999)));
        clock(OffsetDateTime.of(LocalDateTime.of(2026, 12, 1, 10, 0), MOSCOW));
        List<Callable<Answer>> plans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String dueAt = "2026-12-02T1" + (i % 8) + ":00";
            plans.add(() -> asUser(operator, "POST", "/api/callbacks", json(Map.of("campaignId", campaign,
                    "contactId", contact, "dueAt", dueAt, "note", "race"))));
        }
        List<Answer> answers = atOnce(20, plans);
        for (Answer a : answers) {
            assertThat(a.status()).as(a.body()).isIn(201, 409);
        }
        JsonPath list = admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("total")).as("list entries for the one contact").isEqualTo(1);
        assertThat(list.getInt("openCallbacks")).as("open callbacks on the one entry").isEqualTo(1);

        String supervisor = unique("planner");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        List<Callable<Answer>> planChanges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int target = 40 + i;
            planChanges.add(() -> asUser(supervisor, "POST", "/api/plans", "[{\"operator\":\"" + operator
                    + "\",\"from\":\"2026-12-07\",\"to\":\"2026-12-11\",\"calls\":" + target + ",\"leads\":2}]"));
        }
        for (Answer a : atOnce(20, planChanges)) {
            assertThat(a.status()).as(a.body()).isIn(200, 409);
        }
        List<Map<String, Object>> days = admin().queryParam("from", "2026-12-07").queryParam("to", "2026-12-11")
                .queryParam("operator", operator).get("/api/plans").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(days).hasSize(5);
        Set<Object> values = new HashSet<>();
        days.forEach(d -> values.add(d.get("calls")));
        assertThat(values).as("one writer's plan on every day").hasSize(1);
    }

    // ---------------------------------------------------------------- overlapping imports

    @Test
    void fourOverlappingCdrFilesImportedAtOnceStoreEveryDistinctLineOnce() throws Exception {
        long client = createClient(unique("Import Client"));
        String campaign = Api.createCampaign(client, "OUTBOUND");
        String operator = unique("cdrop");
        String extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        int distinct = 6000;
        List<String> lines = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 11, 24, 9, 0);
        String prefix = "race" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < distinct; i++) {
            LocalDateTime at = start.plusSeconds(i * 5L);
            int billsec = i % 3 == 0 ? 0 : 30 + i % 200;
            String number = "7921" + (1_000_000 + i);
            lines.add(cdr(campaign, extension, number, at, billsec, prefix + "." + i));
        }
        List<Callable<Answer>> imports = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            // file f holds lines [1000 f, 1000 f + 3000): each overlaps its neighbours by 2000 lines
            String file = String.join("\n", lines.subList(f * 1000, f * 1000 + 3000)) + "\n";
            imports.add(() -> send(Api.ADMIN, Api.ADMIN_PASSWORD, "POST", "/api/calls/import/asterisk", "text/csv", file));
        }
        List<Answer> answers = atOnce(4, imports);
        int imported = 0;
        int duplicates = 0;
        for (Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            imported += a.json().getInt("imported");
            duplicates += a.json().getInt("duplicates");
            assertThat(a.json().getList("rejected")).isEmpty();
        }
        assertThat(imported).as("lines imported over all four answers").isEqualTo(distinct);
        assertThat(duplicates).as("lines recognised as already there").isEqualTo(4 * 3000 - distinct);
        assertThat(admin().queryParam("operator", operator).queryParam("size", 1).get("/api/calls").then()
                .statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(distinct);
        JsonPath totals = admin().queryParam("from", "2026-11-24").queryParam("to", "2026-11-24")
                .queryParam("operator", operator).get("/api/reports/operator-days/totals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(totals.getInt("operators[0].calls")).as("calls in the report").isEqualTo(distinct);
        assertThat(totals.getInt("operators[0].answered")).isEqualTo(distinct - distinct / 3);
    }

    private static String cdr(String accountcode, String extension, String dst, LocalDateTime start, int billsec,
            String uniqueid) {
        int ring = 5;
        LocalDateTime answer = billsec > 0 ? start.plusSeconds(ring) : null;
        LocalDateTime end = start.plusSeconds(ring + billsec);
        return String.join(",", q(accountcode), q(extension), q(dst), q("from-internal"), q(""),
                q("PJSIP/" + extension + "-" + uniqueid), q("PJSIP/trunk-" + uniqueid), q("Dial"),
                q("PJSIP/" + dst + "@trunk,60"), q(start.format(PBX)), q(answer == null ? "" : answer.format(PBX)),
                q(end.format(PBX)), String.valueOf(ring + billsec), String.valueOf(billsec),
                q(billsec > 0 ? "ANSWERED" : "NO ANSWER"), q("DOCUMENTATION"), q(uniqueid), q(""));
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
