package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Calls over HTTP: Asterisk imports, inbound logging joined with its PBX record, recordings with Range, isolation. */
@ExtendWith(ArquillianExtension.class)
class CallsIT {

    private static final DateTimeFormatter PBX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        client = createClient(unique("Calls Client"));
        operator = unique("op");
        extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        campaign = createCampaign(client, "OUTBOUND", List.of(operator));
    }

    /** A Master.csv line of 18 columns (21 when a sequence is given). */
    static String cdr(String accountcode, String src, String dst, String channel, String dstchannel, String clid,
            LocalDateTime start, int ring, int billsec, String disposition, String uniqueid, Integer sequence) {
        LocalDateTime answer = billsec > 0 ? start.plusSeconds(ring) : null;
        LocalDateTime end = start.plusSeconds(ring + billsec);
        String line = String.join(",", q(accountcode), q(src), q(dst), q("from-internal"), q(clid), q(channel),
                q(dstchannel), q("Dial"), q("PJSIP/" + dst + "@trunk,60"), q(start.format(PBX)),
                q(answer == null ? "" : answer.format(PBX)), q(end.format(PBX)), String.valueOf(ring + billsec),
                String.valueOf(billsec), q(disposition), q("DOCUMENTATION"), q(uniqueid), q(""));
        return sequence == null ? line : line + "," + q("") + "," + q(uniqueid) + "," + sequence;
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static Response importCsv(String csv) {
        return admin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/calls/import/asterisk");
    }

    private static String uid() {
        return "17640" + (System.nanoTime() % 100_000_000L) + "." + (int) (Math.random() * 1000);
    }

    @Test
    void asteriskRecordsImportOnceWithOperatorsDirectionsAndBadLinesReported() {
        String inbound = unique("in");
        String inExtension = freeExtension();
        createUser(inbound, List.of("OPERATOR"), inExtension, null);
        LocalDateTime t = LocalDateTime.of(2026, 11, 20, 10, 0, 0);
        String out = freeMobile();
        String caller = freeMobile();
        String u1 = uid();
        String u2 = uid();
        String u3 = uid();
        String u4 = uid();
        String file = String.join("\n",
                cdr(campaign, extension, out.substring(1), "PJSIP/" + extension + "-0000001a", "PJSIP/trunk-0000001b",
                        "\"Оператор\" <" + extension + ">", t, 5, 120, "ANSWERED", u1, null),
                cdr("", caller.substring(1), inExtension, "SIP/trunk-00000b2c", "PJSIP/" + inExtension + "-00000b2d",
                        "\"Иван \"\"Ваня\"\", Петров\" <" + caller.substring(1) + ">", t.plusMinutes(1), 20, 0, "NO ANSWER", u2, null),
                cdr("", "anonymous", "700", "SIP/trunk-00000c01", "SIP/queue-00000c02", "", t.plusMinutes(2), 3, 30,
                        "ANSWERED", u3, null),
                "\"only\",\"three\",\"columns\"",
                cdr(campaign, extension, "79110000000", "PJSIP/" + extension + "-1", "", "", t, 0, 0, "BUSY", uid(), null)
                        .replace(t.format(PBX), "20.11.2026 10:00"),
                cdr(campaign, extension, "79110000000", "PJSIP/" + extension + "-2", "", "", t, 0, 0, "FAILED", uid(), null)
                        .replace(",0,0,", ",0,-1,"),
                cdr(campaign, extension, out.substring(1), "PJSIP/" + extension + "-0000001a", "PJSIP/trunk-0000001b",
                        "", t, 5, 120, "ANSWERED", u1, null),
                cdr(campaign, extension, out.substring(1), "PJSIP/" + extension + "-0000003a", "PJSIP/trunk-0000003b",
                        "", t.plusMinutes(5), 2, 1300, "ANSWERED", u4, 3),
                "") + "\n";
        importCsv(file).then().statusCode(200)
                .body("received", equalTo(8)).body("imported", equalTo(4)).body("duplicates", equalTo(1))
                .body("unassigned", equalTo(1))
                .body("rejected.line", equalTo(List.of(4, 5, 6)))
                .body("rejected[0].reason", equalTo("expected 16 to 21 columns, found 3"));
        importCsv(file).then().statusCode(200)
                .body("imported", equalTo(0)).body("duplicates", equalTo(5)).body("rejected.size()", equalTo(3));

        JsonPath calls = admin().queryParam("operator", operator).queryParam("sort", "startedAt").get("/api/calls")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(calls.getString("items[0].direction")).isEqualTo("OUT");
        assertThat(calls.getString("items[0].customerNumber")).isEqualTo(out);
        assertThat(calls.getString("items[0].campaign")).isEqualTo(campaign);
        assertThat(calls.getInt("items[0].clientId")).isEqualTo((int) client);
        assertThat(calls.getInt("items[0].talkSeconds")).isEqualTo(120);
        assertThat(calls.getBoolean("items[0].answered")).isTrue();
        assertThat(calls.getString("items[0].startedAt")).isEqualTo("2026-11-20T07:00:00Z");
        assertThat(calls.getInt("items[1].sequence")).isEqualTo(3);
        admin().queryParam("operator", inbound).get("/api/calls").then()
                .body("items[0].direction", equalTo("IN")).body("items[0].customerNumber", equalTo(caller))
                .body("items[0].disposition", equalTo("NO ANSWER")).body("items[0].answered", equalTo(false));
        admin().queryParam("operator", operator).queryParam("minTalk", 1200).get("/api/calls").then()
                .body("total", equalTo(1));
        admin().queryParam("operator", inbound).queryParam("disposition", "NO ANSWER").queryParam("direction", "IN")
                .get("/api/calls").then().body("total", equalTo(1));
        admin().queryParam("direction", "SIDEWAYS").get("/api/calls").then().statusCode(400).contentType(PROBLEM_JSON);
        as(operator, operator + "-pw").contentType("text/csv").body(file).post("/api/calls/import/asterisk")
                .then().statusCode(403);
    }

    @Test
    void anInboundCallLoggedLiveIsJoinedByItsPbxRecordNotDoubled() {
        String number = freeMobile();
        String written = "8 (" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8, 10)
                + "-" + number.substring(10);
        JsonPath logged = as(operator, operator + "-pw").body(Map.of("number", written, "campaign", campaign,
                "contactName", "Звонящий Клиент", "notes", "asked about prices", "outcome", "interested",
                "lead", Map.of("estimatedValue", 30000), "meeting", Map.of("at", "2026-12-01T12:00:00+03:00", "note", "office"),
                "info", Map.of("email", "client@example.com")))
                .post("/api/calls/inbound").then().statusCode(201)
                .body("contactCreated", equalTo(true))
                .body("call.customerNumber", equalTo(number)).body("call.source", equalTo("OPERATOR"))
                .body("call.outcome", equalTo("INTERESTED")).body("call.requests.lead", equalTo(true))
                .body("call.requests.infoEmail", equalTo("client@example.com"))
                .body("call.requests.meetingAt", equalTo("2026-12-01T09:00:00Z"))
                .body("lead.campaign", equalTo(campaign)).body("lead.operator", equalTo(operator))
                .extract().jsonPath();
        long callId = logged.getLong("call.id");
        assertThat(logged.getLong("lead.callId")).isEqualTo(callId);

        // the same caller again: found, not registered twice
        as(operator, operator + "-pw").body(Map.of("number", number, "campaign", campaign)).post("/api/calls/inbound")
                .then().statusCode(201).body("contactCreated", equalTo(false))
                .body("contactId", equalTo(logged.getInt("contactId")));

        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Moscow")).withNano(0);
        String uniqueid = uid();
        String record = cdr(campaign, number.substring(1), extension, "SIP/trunk-00000d01",
                "PJSIP/" + extension + "-00000d02", "", now.minusSeconds(30), 4, 95, "ANSWERED", uniqueid, null) + "\n";
        importCsv(record).then().statusCode(200).body("imported", equalTo(1)).body("joined", equalTo(1));
        admin().get("/api/calls/" + callId).then().statusCode(200)
                .body("source", equalTo("JOINED")).body("uniqueid", equalTo(uniqueid)).body("talkSeconds", equalTo(95))
                .body("outcome", equalTo("INTERESTED")).body("notes", equalTo("asked about prices"));
        importCsv(record).then().body("imported", equalTo(0)).body("duplicates", equalTo(1));
        as(operator, operator + "-pw").body(Map.of("number", "12", "campaign", "NO-SUCH")).post("/api/calls/inbound")
                .then().statusCode(400).body("violations.field", equalTo(List.of("number", "campaign")));
    }

    @Test
    void callsPushedAsJsonEventsAreStoredTheSameWay() {
        String uniqueid = uid();
        Map<String, Object> event = new java.util.HashMap<>(Map.of("accountcode", campaign, "src", extension,
                "dst", freeMobile().substring(1), "channel", "PJSIP/" + extension + "-00000e01",
                "start", "2026-11-21 09:00:00", "answer", "2026-11-21 09:00:05", "end", "2026-11-21 09:01:05",
                "duration", 65, "billsec", 60, "disposition", "ANSWERED"));
        event.put("uniqueid", uniqueid);
        admin().body(event).post("/api/calls/events").then().statusCode(200).body("imported", equalTo(1));
        Map<String, Object> bad = new java.util.HashMap<>(event);
        bad.put("billsec", -3);
        bad.put("uniqueid", uid());
        admin().body(List.of(event, bad)).post("/api/calls/events").then().statusCode(200)
                .body("duplicates", equalTo(1)).body("rejected[0].line", equalTo(2))
                .body("rejected[0].reason", equalTo("billsec -3 is negative"));
        admin().queryParam("operator", operator).get("/api/calls").then().body("items[0].talkSeconds", equalTo(60));
    }

    static byte[] wav(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private long pbxCall(String uniqueid) {
        importCsv(cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000f001", "", "",
                LocalDateTime.of(2026, 11, 22, 12, 0), 3, 45, "ANSWERED", uniqueid, null) + "\n")
                .then().body("imported", equalTo(1));
        return admin().queryParam("operator", operator).get("/api/calls").then().extract().jsonPath()
                .getLong("items[0].id");
    }

    @Test
    void recordingsUploadStreamWithRangesAndEveryListenIsLogged() {
        long callId = pbxCall(uid());
        byte[] audio = wav(1000);
        admin().contentType("audio/wav").body(audio).put("/api/calls/" + callId + "/recording").then().statusCode(200)
                .body("recording.type", equalTo("audio/wav")).body("recording.bytes", equalTo(1000));

        byte[] whole = admin().get("/api/calls/" + callId + "/recording").then().statusCode(200)
                .header("Accept-Ranges", "bytes").contentType("audio/wav").extract().asByteArray();
        assertThat(whole).isEqualTo(audio);
        Response first = admin().header("Range", "bytes=0-99").get("/api/calls/" + callId + "/recording");
        first.then().statusCode(206).header("Content-Range", "bytes 0-99/1000").header("Content-Length", "100");
        assertThat(first.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(audio, 0, 100));
        Response middle = admin().header("Range", "bytes=500-").get("/api/calls/" + callId + "/recording");
        middle.then().statusCode(206).header("Content-Range", "bytes 500-999/1000");
        assertThat(middle.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(audio, 500, 1000));
        Response suffix = admin().header("Range", "bytes=-50").get("/api/calls/" + callId + "/recording");
        suffix.then().statusCode(206).header("Content-Range", "bytes 950-999/1000");
        assertThat(suffix.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(audio, 950, 1000));
        admin().header("Range", "bytes=1000-").get("/api/calls/" + callId + "/recording").then().statusCode(416)
                .header("Content-Range", "bytes */1000");

        // one playback however many ranges it asks for: one listen per user, call and 30 minutes
        admin().get("/api/calls/" + callId + "/listens").then().statusCode(200)
                .body("size()", equalTo(1)).body("username", equalTo(List.of("admin")));
        admin().queryParam("operator", operator).queryParam("hasRecording", true).get("/api/calls").then()
                .body("items.id", hasItem((int) callId));

        // replacing the recording a person attached needs a reason; then the content is checked
        admin().contentType("audio/wav").body("not audio at all".getBytes(StandardCharsets.UTF_8))
                .queryParam("reason", "type check").put("/api/calls/" + callId + "/recording").then().statusCode(415)
                .contentType(PROBLEM_JSON);
        admin().contentType("audio/mpeg").body(audio).queryParam("reason", "type check")
                .put("/api/calls/" + callId + "/recording").then().statusCode(415);
        admin().contentType("text/plain").body("x").put("/api/calls/" + callId + "/recording").then().statusCode(415);
        as(operator, operator + "-pw").get("/api/calls/" + callId + "/listens").then().statusCode(403);
    }

    @Test
    void recordingFilesAreMatchedToCallsByTheUniqueidInTheirNames() {
        String uniqueid = uid();
        long callId = pbxCall(uniqueid);
        String name = "out-79111234567-" + extension + "-20261122-120000-" + uniqueid + ".wav";
        admin().contentType("multipart/form-data")
                .multiPart("file", name, wav(300), "audio/wav")
                .multiPart("file", "out-79111234567-" + extension + "-20261122-120000-999999.1.wav", wav(300), "audio/wav")
                .multiPart("file", "holiday-photo.jpg", "jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .post("/api/recordings/import").then().statusCode(200)
                .body("received", equalTo(3)).body("attached", equalTo(1))
                .body("unmatched.size()", equalTo(1)).body("rejected[0].file", equalTo("holiday-photo.jpg"));
        admin().get("/api/calls/" + callId).then().body("recording.bytes", equalTo(300));
    }

    @Test
    void clientsHearOnlyTheirOwnCallsAndOperatorsSeeTheirOwn() {
        long callId = pbxCall(uid());
        admin().contentType("audio/wav").body(wav(200)).put("/api/calls/" + callId + "/recording").then().statusCode(200);
        String own = unique("client");
        createUser(own, List.of("CLIENT"), null, client);
        String other = unique("client");
        createUser(other, List.of("CLIENT"), null, createClient(unique("Other Client")));
        as(own, own + "-pw").get("/api/calls/" + callId).then().statusCode(200);
        as(own, own + "-pw").get("/api/calls/" + callId + "/recording").then().statusCode(200);
        as(other, other + "-pw").get("/api/calls/" + callId).then().statusCode(404).contentType(PROBLEM_JSON);
        as(other, other + "-pw").get("/api/calls/" + callId + "/recording").then().statusCode(404);
        as(other, other + "-pw").get("/api/calls").then().body("items.id", not(hasItem((int) callId)));
        String colleague = unique("op");
        createUser(colleague, List.of("OPERATOR"), freeExtension(), null);
        as(colleague, colleague + "-pw").get("/api/calls/" + callId).then().statusCode(404);
        as(operator, operator + "-pw").get("/api/calls/" + callId).then().statusCode(200)
                .body("recording.href", notNullValue());
        admin().get("/api/calls/" + callId + "/listens").then().body("username", hasItem(own));
    }

    @Test
    void callsFollowMergedContactsAndLoseThePersonOnErasure() {
        String number = freeMobile();
        long contact = Api.createContact("Caller To Erase", number);
        long other = Api.createContact("Its Twin", freeMobile());
        long callId = as(operator, operator + "-pw").body(Map.of("number", number, "campaign", campaign, "notes", "personal story"))
                .post("/api/calls/inbound").then().statusCode(201).extract().jsonPath().getLong("call.id");
        admin().contentType("audio/wav").body(wav(400)).put("/api/calls/" + callId + "/recording").then().statusCode(200);

        admin().body(Map.of("sourceId", contact)).post("/api/contacts/" + other + "/merge").then().statusCode(200);
        admin().get("/api/calls/" + callId).then().body("contactId", equalTo((int) other));
        admin().get("/api/contacts/" + other + "/personal-data").then().statusCode(200)
                .body("calls.id", hasItem((int) callId)).body("calls[0].customerNumber", equalTo(number));

        admin().post("/api/contacts/" + other + "/erase").then().statusCode(200);
        admin().get("/api/calls/" + callId).then().statusCode(200)
                .body("customerNumber", equalTo(null)).body("notes", equalTo(null)).body("recording", equalTo(null))
                .body("talkSeconds", equalTo(0)).body("operator", equalTo(operator));
        admin().get("/api/calls/" + callId + "/recording").then().statusCode(404);
        assertThat(admin().get("/api/contacts/" + other + "/personal-data").asString())
                .doesNotContain(number).doesNotContain("personal story");
    }

    @Test
    void campaignsKnowTheirOperatorsAndTheNumbersCallersDial() {
        String dialled = "8 (800) " + (100 + new java.util.Random().nextInt(899)) + "-"
                + (10 + new java.util.Random().nextInt(89)) + "-" + (10 + new java.util.Random().nextInt(89));
        String code = unique("IN").toUpperCase();
        JsonPath created = admin().body(Map.of("code", code, "name", "Hotline", "type", "INBOUND_AD", "clientId", client,
                "operators", List.of(operator.toUpperCase()), "numbers", List.of(dialled), "minTalkSeconds", 30,
                "longCallSeconds", 900)).post("/api/campaigns").then().statusCode(201)
                .body("operators", equalTo(List.of(operator))).body("minTalkSeconds", equalTo(30))
                .extract().jsonPath();
        String e164 = created.getString("numbers[0]");
        assertThat(e164).startsWith("+7800");
        admin().body(Map.of("code", unique("X"), "name", "Clash", "type", "INBOUND_AD", "clientId", client,
                "operators", List.of("nobody-at-all"), "numbers", List.of(e164))).post("/api/campaigns").then()
                .statusCode(400).body("violations.field", equalTo(List.of("operators[0]", "numbers[0]")));
        admin().body(Map.of("code", unique("Y"), "name", "Bad thresholds", "type", "OUTBOUND", "clientId", client,
                "minTalkSeconds", 60, "longCallSeconds", 30)).post("/api/campaigns").then().statusCode(400);

        as(operator, operator + "-pw").body(Map.of("number", freeMobile(), "dialledNumber", e164.substring(1)))
                .post("/api/calls/inbound").then().statusCode(201).body("call.campaign", equalTo(code));
        as(operator, operator + "-pw").body(Map.of("number", freeMobile(), "dialledNumber", "+78000000001"))
                .post("/api/calls/inbound").then().statusCode(400).body("violations[0].field", equalTo("dialledNumber"));
    }

    @Test
    void thePbxTimeZoneAndTheRecordingLimitAreSettings() {
        Map<String, Object> settings = new java.util.HashMap<>(admin().get("/api/settings").then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        Map<String, Object> change = new java.util.HashMap<>(settings);
        change.put("pbxTimeZone", "Asia/Yekaterinburg");
        change.put("recordingMaxBytes", 1024);
        int version = admin().body(change).put("/api/settings").then().statusCode(200)
                .body("pbxTimeZone", equalTo("Asia/Yekaterinburg")).extract().jsonPath().getInt("version");
        try {
            String uniqueid = uid();
            importCsv(cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000aa01", "", "",
                    LocalDateTime.of(2026, 11, 23, 12, 0), 1, 30, "ANSWERED", uniqueid, null) + "\n")
                    .then().body("imported", equalTo(1));
            JsonPath call = admin().queryParam("operator", operator).get("/api/calls").then().extract().jsonPath();
            assertThat(call.getString("items[0].startedAt")).isEqualTo("2026-11-23T07:00:00Z");
            admin().contentType("audio/wav").body(wav(2000)).put("/api/calls/" + call.getLong("items[0].id") + "/recording")
                    .then().statusCode(413).contentType(PROBLEM_JSON);
            Map<String, Object> bad = new java.util.HashMap<>(change);
            bad.put("pbxTimeZone", "Moon/Base");
            bad.put("version", version);
            admin().body(bad).put("/api/settings").then().statusCode(400).body("violations[0].field", equalTo("pbxTimeZone"));
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>(settings);
            restore.put("version", version);
            admin().body(restore).put("/api/settings").then().statusCode(200);
        }
    }
}
