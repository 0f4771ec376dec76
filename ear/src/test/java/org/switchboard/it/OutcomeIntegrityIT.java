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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evidence integrity of outcomes and PBX records over HTTP: an operator records outcomes only on the entry the
 * queue gave them; a supervisor may record one for them, and the client reads it in the tamper trail; a call named
 * with an outcome must be the operator's, with the entry's number, and back no other outcome; a re-imported record
 * with other content changes nothing, is counted as a conflict and shows in the trail.
 */
@ExtendWith(ArquillianExtension.class)
class OutcomeIntegrityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private static String pw(String user) {
        return user + "-pw";
    }

    private static JsonPath outcome(String user, long campaign, long entry, Map<String, Object> body, int status) {
        return as(user, pw(user)).body(body).post("/api/campaigns/" + campaign + "/entries/" + entry + "/outcome").then()
                .statusCode(status).extract().jsonPath();
    }

    private static JsonPath next(String operator, long campaign) {
        return as(operator, pw(operator)).post("/api/campaigns/" + campaign + "/next").then().statusCode(200).extract()
                .jsonPath();
    }

    /** A PBX record of an outbound call from an extension to a number, as the PBX pushes it. */
    private static Map<String, Object> record(String uniqueid, String campaign, String extension, String number,
            String start, int billsec) {
        Map<String, Object> r = new HashMap<>();
        r.put("accountcode", campaign);
        r.put("src", extension);
        r.put("dst", number);
        r.put("channel", "PJSIP/" + extension + "-0000001a");
        r.put("dstchannel", "PJSIP/trunk-0000001b");
        r.put("start", start + ":00");
        r.put("answer", start + ":05");
        r.put("end", start.substring(0, 14) + "59:00");
        r.put("duration", 300);
        r.put("billsec", billsec);
        r.put("disposition", "ANSWERED");
        r.put("uniqueid", uniqueid);
        return r;
    }

    private static long pbxCall(String operator, String uniqueid) {
        List<Map<String, Object>> calls = admin().queryParam("operator", operator).queryParam("size", 100)
                .get("/api/calls").then().statusCode(200).extract().jsonPath().getList("items");
        return calls.stream().filter(c -> uniqueid.equals(c.get("uniqueid"))).map(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void outcomesComeFromTheHolderOrASupervisorOnTheRecordAndCallsBackOneOutcomeEach() {
        long client = createClient(unique("Integrity Client"));
        String clientUser = unique("cl");
        createUser(clientUser, List.of("CLIENT"), null, client);
        String ext1 = freeExtension();
        String ext2 = freeExtension();
        String op1 = unique("op");
        String op2 = unique("op");
        createUser(op1, List.of("OPERATOR"), ext1, null);
        createUser(op2, List.of("OPERATOR"), ext2, null);
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        String code = unique("INT").toUpperCase();
        long campaign = admin().body(Map.of("code", code, "name", "Integrity " + code, "type", "OUTBOUND",
                "clientId", client, "operators", List.of(op1, op2))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String numberA = OutboundIT.moscowNumber();
        String numberB = OutboundIT.moscowNumber();
        String numberC = OutboundIT.moscowNumber();
        long a = Api.createContact("Anna Integrity", numberA);
        long b = Api.createContact("Boris Integrity", numberB);
        // numberC is not on the list: the number of a call that is not the entry's
        admin().body(Map.of("contactIds", List.of(a, b))).post("/api/campaigns/" + campaign + "/list").then()
                .statusCode(200).body("added", equalTo(2));
        clock("2026-12-01T12:00:00+03:00");
        List<Map<String, Object>> entries = admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200)
                .extract().jsonPath().getList("entries.items");
        Map<Long, Long> entryOf = new HashMap<>();
        entries.forEach(e -> entryOf.put(((Number) e.get("contactId")).longValue(), ((Number) e.get("id")).longValue()));

        // an entry the operator never took: refused, and told how to take it
        outcome(op1, campaign, entryOf.get(b), Map.of("outcome", "COMPLETED"), 409);
        as(op1, pw(op1)).body(Map.of("outcome", "COMPLETED")).post("/api/campaigns/" + campaign + "/entries/"
                + entryOf.get(b) + "/outcome").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("/next"));

        // taken with /next: accepted
        JsonPath taken = next(op1, campaign);
        assertThat(taken.getLong("contactId")).isEqualTo(a);
        long op1Call = outcome(op1, campaign, taken.getLong("id"), Map.of("outcome", "NO_ANSWER"), 200).getLong("callId");

        // a supervisor records the outcome of op1's entry: accepted, on the record, in the client's trail
        JsonPath supervised = outcome(supervisor, campaign, entryOf.get(a), Map.of("outcome", "NOT_INTERESTED",
                "note", "the client told me on the phone"), 200);
        assertThat(supervised.getString("entry.lastOutcomeBy")).isEqualTo(supervisor);
        assertThat(supervised.getString("entry.lastOutcome")).isEqualTo("NOT_INTERESTED");
        List<Map<String, Object>> trail = as(clientUser, pw(clientUser)).queryParam("kind", "OUTCOME_CHANGED")
                .queryParam("campaign", code).get("/api/integrity/changes").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(trail).singleElement().satisfies(t -> {
            assertThat(t.get("by")).isEqualTo(supervisor);
            assertThat(t.get("operator")).isEqualTo(op1);
            assertThat(t.get("campaign")).isEqualTo(code);
            assertThat(t.get("field")).isEqualTo("outcome");
            assertThat(t.get("before")).isEqualTo("NO_ANSWER");
            assertThat(t.get("after")).isEqualTo("NOT_INTERESTED");
        });

        // op2's calls from the PBX: two with B's number, one with another number
        String u1 = unique("u");
        String u2 = unique("u");
        String u3 = unique("u");
        admin().body(List.of(record(u1, code, ext2, numberB, "2026-12-01 11:50", 40),
                record(u2, code, ext2, numberB, "2026-12-01 11:52", 50),
                record(u3, code, ext2, numberC, "2026-12-01 11:54", 60))).post("/api/calls/events").then()
                .statusCode(200).body("imported", equalTo(3)).body("conflicts", equalTo(0));
        long k1 = pbxCall(op2, u1);
        long k2 = pbxCall(op2, u2);
        long other = pbxCall(op2, u3);
        JsonPath offered = next(op2, campaign);
        assertThat(offered.getLong("contactId")).isEqualTo(b);
        long entryB = offered.getLong("id");
        assertThat(violation(outcome(op2, campaign, entryB, Map.of("outcome", "NO_ANSWER", "callId", op1Call), 400)))
                .contains("not a call of " + op2);
        assertThat(violation(outcome(op2, campaign, entryB, Map.of("outcome", "NO_ANSWER", "callId", other), 400)))
                .contains("not with the entry's number");
        assertThat(violation(outcome(op2, campaign, entryB, Map.of("outcome", "NO_ANSWER", "callId", 999_999_999L), 400)))
                .contains("names no call");
        assertThat(outcome(op2, campaign, entryB, Map.of("outcome", "NO_ANSWER", "callId", k1), 200).getLong("callId"))
                .isEqualTo(k1);
        clock("2026-12-01T14:30:00+03:00"); // the no-answer's retry is due
        assertThat(next(op2, campaign).getLong("id")).isEqualTo(entryB);
        assertThat(violation(outcome(op2, campaign, entryB, Map.of("outcome", "COMPLETED", "callId", k1), 400)))
                .contains("has an outcome already");
        outcome(op2, campaign, entryB, Map.of("outcome", "COMPLETED", "callId", k2), 200);

        // the PBX sends k2's record again with another billsec: nothing changes, a conflict, in the trail
        admin().body(List.of(record(u2, code, ext2, numberB, "2026-12-01 11:52", 51))).post("/api/calls/events").then()
                .statusCode(200).body("received", equalTo(1)).body("imported", equalTo(0))
                .body("duplicates", equalTo(1)).body("conflicts", equalTo(1));
        admin().body(List.of(record(u2, code, ext2, numberB, "2026-12-01 11:52", 50))).post("/api/calls/events").then()
                .statusCode(200).body("duplicates", equalTo(1)).body("conflicts", equalTo(0));
        admin().get("/api/calls/" + k2).then().statusCode(200).body("talkSeconds", equalTo(50))
                .body("outcome", equalTo("COMPLETED"));
        List<Map<String, Object>> reimports = as(clientUser, pw(clientUser)).queryParam("kind", "RECORD_REIMPORTED")
                .queryParam("campaign", code).get("/api/integrity/changes").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(reimports).singleElement().satisfies(t -> {
            assertThat(t.get("subject")).isEqualTo("call");
            assertThat(t.get("subjectId")).isEqualTo(String.valueOf(k2));
            assertThat(t.get("field")).isEqualTo("talk_seconds");
            assertThat(t.get("before")).isEqualTo("50");
            assertThat(t.get("after")).isEqualTo("51");
            assertThat(t.get("operator")).isEqualTo(op2);
        });
    }

    private static String violation(JsonPath problem) {
        assertThat(problem.getString("violations[0].field")).isEqualTo("callId");
        return problem.getString("violations[0].message");
    }
}
