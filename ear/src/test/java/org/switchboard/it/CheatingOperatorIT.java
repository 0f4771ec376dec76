package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator who cheats. With an OPERATOR's credentials, over HTTP, every trick the issue found and the variants
 * around it. Each is either refused with a problem that says why, or shows where the client looks — the report, the
 * anomalies and the tamper trail, read with the CLIENT's credentials.
 */
@ExtendWith(ArquillianExtension.class)
class CheatingOperatorIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** The day of the one real conversation: a past day, long before the leads are entered. */
    static final LocalDate CALL_DAY = LocalDate.of(2026, 9, 14);

    private long client;
    private String campaign;
    private long campaignId;
    private String op;
    private String ext;
    private String other;
    private String clientUser;
    private String supervisor;
    private String number;
    private long contact;
    private long realCall;
    private long shortCall;
    private long othersCall;
    private long othersContact;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void oneRealCall() {
        client = createClient(unique("Honest Client"));
        op = unique("cheat");
        ext = freeExtension();
        createUser(op, List.of("OPERATOR"), ext, null);
        other = unique("peer");
        String otherExt = freeExtension();
        createUser(other, List.of("OPERATOR"), otherExt, null);
        campaign = unique("CHEAT").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Campaign " + campaign, "type", "OUTBOUND",
                "clientId", client, "operators", List.of(op, other))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        clientUser = unique("client");
        createUser(clientUser, List.of("CLIENT"), null, client);
        supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        number = freeMobile();
        contact = createContact("Real Prospect", number);
        String othersNumber = freeMobile();
        othersContact = createContact("Peer's Prospect", othersNumber);
        LocalDateTime at = CALL_DAY.atTime(10, 0);
        importCsv(List.of(
                out(ext, number, at, 65),
                out(ext, number, at.plusHours(1), 10),
                out(otherExt, othersNumber, at.plusHours(2), 90)));
        realCall = callOf(op, 65);
        shortCall = callOf(op, 10);
        othersCall = callOf(other, 90);
    }

    private RequestSpecification cheat() {
        return as(op, op + "-pw");
    }

    private RequestSpecification theClient() {
        return as(clientUser, clientUser + "-pw");
    }

    private String out(String extension, String to, LocalDateTime start, int billsec) {
        return CallsIT.cdr(campaign, extension, to.substring(1), "PJSIP/" + extension + "-0000001a", "PJSIP/trunk-0000001b",
                "\"Op\" <" + extension + ">", start, 5, billsec, billsec > 0 ? "ANSWERED" : "NO ANSWER",
                UUID.randomUUID().toString().substring(0, 12), null);
    }

    private static void importCsv(List<String> lines) {
        admin().contentType("text/csv").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200);
    }

    private static long callOf(String operator, int talk) {
        return admin().queryParam("operator", operator).queryParam("size", 100).get("/api/calls").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).stream()
                .filter(c -> ((Number) c.get("talkSeconds")).intValue() == talk)
                .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
    }

    private JsonPath lead(long contactId, Long callId) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", contactId);
        body.put("campaign", campaign);
        body.put("callId", callId);
        return cheat().body(body).post("/api/leads").then().statusCode(201).extract().jsonPath();
    }

    private List<Map<String, Object>> anomalies(LocalDate day) {
        return theClient().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("operator", op).get("/api/reports/anomalies").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private Map<String, Object> anomaly(List<Map<String, Object>> found, String type) {
        return found.stream().filter(a -> type.equals(a.get("type")) && op.equals(a.get("operator"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + op + " in " + found));
    }

    private List<Map<String, Object>> trail(String kind) {
        return theClient().queryParam("operator", op).queryParam("kind", kind).queryParam("size", 100)
                .get("/api/integrity/changes").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void oneCallCannotBackFiveLeadsOnOtherContactsAndOtherDays() {
        // a lead's time is the server's: a day of the operator's choosing is refused
        Map<String, Object> backdated = new HashMap<>(Map.of("contactId", contact, "campaign", campaign, "callId", realCall,
                "createdAt", CALL_DAY.plusDays(3) + "T12:00:00+03:00"));
        cheat().body(backdated).post("/api/leads").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("createdAt"));

        // five leads, all citing the one 65-second call: on its own contact, and on four contacts it never reached
        List<Long> leads = new ArrayList<>();
        JsonPath own = lead(contact, realCall);
        leads.add(own.getLong("id"));
        // entered months after the call: outside the backing window
        assertThat(own.getBoolean("backed")).isFalse();
        assertThat(own.getString("unbackedReason")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(own.getString("entry")).isEqualTo("LIVE");
        assertThat(own.getString("enteredBy")).isEqualTo(op);
        for (int i = 0; i < 4; i++) {
            JsonPath elsewhere = lead(createContact("Never Called " + i, freeMobile()), realCall);
            assertThat(elsewhere.getBoolean("backed")).isFalse();
            assertThat(elsewhere.getString("unbackedReason")).isEqualTo("OTHER_NUMBER");
            leads.add(elsewhere.getLong("id"));
        }

        // the client's report for today: five leads, none backed, on a day without a single counted call
        LocalDate today = LocalDate.now(MOSCOW);
        Map<String, Object> day = theClient().queryParam("from", today.toString()).queryParam("to", today.toString())
                .queryParam("operator", op).get("/api/reports/operator-days").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        assertThat(day).containsEntry("leads", 5).containsEntry("unbackedLeads", 5).containsEntry("counted", 0);
        List<Map<String, Object>> todays = anomalies(today);
        assertThat(anomaly(todays, "UNBACKED_LEADS").get("evidence").toString()).contains(String.valueOf(leads.get(0)));
        anomaly(todays, "LEADS_WITHOUT_CALLS");
        assertThat(anomaly(todays, "LATE_LEAD").get("evidence").toString()).contains("leadId=" + leads.get(0));
        // on the call's day: one call cited by five leads
        Map<String, Object> shared = anomaly(anomalies(CALL_DAY), "SHARED_CALL");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) shared.get("evidence");
        assertThat(((Number) evidence.get("callId")).longValue()).isEqualTo(realCall);
        assertThat(((List<?>) evidence.get("leadIds")).stream().map(n -> ((Number) n).longValue()).toList())
                .containsExactlyInAnyOrderElementsOf(leads);
        // the report of the call's day keeps its one counted call and no lead: the leads count where they were entered
        theClient().queryParam("from", CALL_DAY.toString()).queryParam("to", CALL_DAY.toString()).queryParam("operator", op)
                .get("/api/reports/operator-days").then().statusCode(200).body("[0].counted", equalTo(1))
                .body("[0].leads", equalTo(0));
        // and the tamper trail names each lead entered by hand, by whom
        List<Map<String, Object>> entered = trail("LEAD_ENTERED");
        assertThat(entered).hasSize(5).allSatisfy(e -> assertThat(e).containsEntry("by", op)
                .containsEntry("campaign", campaign));
        // the client's own lead list shows the state of each
        theClient().queryParam("operator", op).get("/api/leads").then().statusCode(200)
                .body("items.backed", equalTo(List.of(false, false, false, false, false)));
    }

    @Test
    void aLeadsEvidenceIsNotTheOperatorsToChange() {
        JsonPath lead = lead(contact, null);
        long id = lead.getLong("id");
        assertThat(lead.getString("unbackedReason")).isEqualTo("NO_CALL");
        long version = lead.getLong("version");
        // tie it to the real call, move its time, give it away: each refused, nothing changed
        for (Map<String, Object> change : List.<Map<String, Object>>of(
                Map.of("callId", realCall, "version", version),
                Map.of("callUniqueid", "1764000000.1", "version", version),
                Map.of("createdAt", CALL_DAY + "T10:02:00+03:00", "version", version),
                Map.of("operator", other, "version", version))) {
            cheat().body(change).put("/api/leads/" + id).then().statusCode(403).contentType(PROBLEM_JSON);
        }
        cheat().get("/api/leads/" + id).then().statusCode(200).body("callId", equalTo(null)).body("version",
                equalTo((int) version));
        // value and notes are the operator's to change — and the client sees each change, before and after
        cheat().body(Map.of("estimatedValue", 990000, "notes", "big deal", "version", version)).put("/api/leads/" + id)
                .then().statusCode(200);
        List<Map<String, Object>> edits = trail("LEAD_EDITED");
        assertThat(edits).anySatisfy(e -> assertThat(e).containsEntry("field", "estimatedValue")
                .containsEntry("after", "990000").containsEntry("by", op).containsEntry("subjectId", String.valueOf(id)));
        // a supervisor may re-attribute the lead's call; the change is kept with its before and after
        long now = cheat().get("/api/leads/" + id).then().extract().jsonPath().getLong("version");
        as(supervisor, supervisor + "-pw").body(Map.of("callId", realCall, "version", now)).put("/api/leads/" + id)
                .then().statusCode(200).body("callId", equalTo((int) realCall));
        assertThat(trail("LEAD_EDITED")).anySatisfy(e -> assertThat(e).containsEntry("field", "callId")
                .containsEntry("before", null).containsEntry("after", String.valueOf(realCall))
                .containsEntry("by", supervisor));
        // an operator reads no other client's trail, and a CLIENT of another client sees nothing of this one
        cheat().get("/api/integrity/changes").then().statusCode(403);
        String stranger = unique("client");
        createUser(stranger, List.of("CLIENT"), null, createClient(unique("Other Client")));
        List<Map<String, Object>> seen = as(stranger, stranger + "-pw").queryParam("campaign", campaign)
                .queryParam("size", 500).get("/api/integrity/changes").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(seen).noneSatisfy(e -> assertThat(e.get("campaign")).isEqualTo(campaign));
        assertThat(seen).allSatisfy(e -> assertThat(e.get("clientId")).isNull());
    }

    @Test
    void aLeadOnTheWrongCallStaysUnbackedAndTheRightOneIsBacked() {
        // another operator's call, and the operator's own 10-second call
        assertThat(lead(othersContact, othersCall).getString("unbackedReason")).isEqualTo("OTHER_OPERATOR");
        assertThat(lead(contact, shortCall).getString("unbackedReason")).isEqualTo("CALL_NOT_COUNTED");
        // a call logged by the operator alone is not evidence: until the PBX's record joins it, its lead is unbacked
        String caller = freeMobile();
        JsonPath logged = cheat().body(Map.of("number", caller, "campaign", campaign, "contactName", "Walk-in",
                "lead", Map.of("estimatedValue", 1000))).post("/api/calls/inbound").then().statusCode(201)
                .extract().jsonPath();
        long leadId = logged.getLong("lead.id");
        cheat().get("/api/leads/" + leadId).then().statusCode(200).body("backed", equalTo(false))
                .body("unbackedReason", equalTo("CALL_NOT_FROM_PBX"));
        // the PBX's record of that conversation arrives and joins the logged call: now the lead rests on evidence
        LocalDateTime now = LocalDateTime.now(MOSCOW).withNano(0);
        // the PBX's start is a little before the log, on the same day (just after midnight, a little after it)
        LocalDateTime start = now.toLocalTime().isBefore(java.time.LocalTime.of(0, 1)) ? now.plusSeconds(30)
                : now.minusSeconds(30);
        importCsv(List.of(CallsIT.cdr(campaign, caller.substring(1), ext, "SIP/trunk-00000b2c", "PJSIP/" + ext + "-00000b2d",
                "\"Walk-in\" <" + caller.substring(1) + ">", start, 5, 70, "ANSWERED",
                UUID.randomUUID().toString().substring(0, 12), null)));
        theClient().get("/api/leads/" + leadId).then().statusCode(200).body("backed", equalTo(true))
                .body("unbackedReason", equalTo(null)).body("countsOn", equalTo(LocalDate.now(MOSCOW).toString()));
        // a second lead on the same conversation is refused as a duplicate; on another contact it backs nothing
        cheat().body(Map.of("contactId", logged.getLong("contactId"), "campaign", campaign, "callId",
                logged.getLong("call.id"))).post("/api/leads").then().statusCode(409);
        assertThat(lead(contact, logged.getLong("call.id")).getBoolean("backed")).isFalse();
    }

    @Test
    void evidenceAndTheRulesAreNotTheOperatorsToWrite() {
        // PBX records, leads with historical times and thresholds come only from supervisors and admins
        cheat().contentType("text/csv").body(out(ext, number, CALL_DAY.atTime(15, 0), 300).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(403).contentType(PROBLEM_JSON);
        cheat().body(Map.of("uniqueid", "1764000000.9", "src", ext, "dst", number.substring(1), "billsec", 300))
                .post("/api/calls/events").then().statusCode(403);
        cheat().contentType("text/csv").body("created_at,operator_extension,phone,name,campaign\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/leads/import").then().statusCode(403);
        Map<String, Object> settings = new HashMap<>(admin().get("/api/settings").then().extract().jsonPath().getMap("$"));
        settings.put("minTalkSeconds", 5);
        cheat().body(settings).put("/api/settings").then().statusCode(403);
        // the recording of the operator's own call is not theirs to replace
        byte[] silence = CallsIT.wav(4096);
        cheat().contentType("audio/wav").body(silence).put("/api/calls/" + realCall + "/recording").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        // an outcome only on an entry taken with /next: not on one the operator never took
        admin().body(Map.of("contactIds", List.of(contact))).post("/api/campaigns/" + campaignId + "/list")
                .then().statusCode(200);
        long entry = admin().get("/api/campaigns/" + campaignId + "/list").then().statusCode(200).extract().jsonPath()
                .getLong("entries.items[0].id");
        cheat().body(Map.of("outcome", "INTERESTED", "callId", realCall))
                .post("/api/campaigns/" + campaignId + "/entries/" + entry + "/outcome").then().statusCode(409)
                .contentType(PROBLEM_JSON);
        // nothing of it reached the figures
        theClient().queryParam("from", CALL_DAY.toString()).queryParam("to", CALL_DAY.toString()).queryParam("operator", op)
                .get("/api/reports/operator-days").then().statusCode(200).body("[0].calls", equalTo(2))
                .body("[0].counted", equalTo(1)).body("[0].leads", equalTo(0));
    }
}
