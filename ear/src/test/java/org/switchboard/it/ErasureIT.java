package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure proven on the database itself: a person with unique markers (name, number, e-mail, texts) goes through
 * every module over HTTP as users would put them there — calls with a recording, an outbound PBX call (dials), an
 * info e-mail, a lead with notes, a callback, a meeting, a survey with a text answer, an after-sales task with an
 * offer — the access report lists all of it, then the contact is erased over HTTP and every text column of every
 * table (the audit history {@code *_aud} included) is searched for every marker, numbers in every written form,
 * and the recordings directory for the recording's bytes: nothing may be left. On H2 the test opens the server's
 * database file through H2's AUTO_SERVER (switched on for the integration tests only); on PostgreSQL it connects to
 * the suite's database.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    private static final LocalDate OCCASION = LocalDate.now(ZoneOffset.UTC).plusDays(20);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    private static String token() {
        return unique("m").replace("-", "").toUpperCase(Locale.ROOT);
    }

    @Test
    void anErasedPersonIsNowhereInTheDatabaseNorInTheRecordings() throws Exception {
        String operator = unique("op");
        String extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        String marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        String manager = unique("boss");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        long client = createClient(unique("Erasure Client"));
        String tag = "t" + token().toLowerCase(Locale.ROOT);

        // the markers: each a value nothing else in the database has
        String name = "Erasova " + token();
        String number = freeMobile();
        String digits = number.substring(1);
        String email = token().toLowerCase(Locale.ROOT) + "@example.com";
        String contactNote = "contact-note " + token();
        String city = "City" + token();
        String callNote = "call-note " + token();
        String leadNote = "lead-note " + token();
        String firstLeadNote = "first-lead-note " + token();
        String callbackNote = "callback-note " + token();
        String meetingPlace = "meeting-place " + token();
        String meetingNote = "meeting-note " + token();
        String surveyAnswer = "survey-answer " + token();
        byte[] voice = ("voice-" + token()).getBytes(StandardCharsets.US_ASCII);

        Map<String, Object> person = new HashMap<>();
        person.put("fullName", name);
        person.put("phones", List.of(Map.of("number", number)));
        person.put("emails", List.of(email));
        person.put("notes", contactNote);
        person.put("city", city);
        person.put("tags", List.of(tag));
        person.put("birthday", "1985-" + String.format("%02d-%02d", OCCASION.getMonthValue(), OCCASION.getDayOfMonth()));
        person.put("consent", Map.of("given", true, "source", "web form", "date", "2026-10-01"));
        long contact = admin().body(person).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");

        // calls: an inbound call with notes asking for information (an info e-mail), with a recording
        Map.Entry<Long, String> outbound = campaign(client, "OUTBOUND", operator);
        String inbound = outbound.getValue();
        long campaignId = outbound.getKey();
        admin().body(Map.of("name", "Prices", "subject", "Prices for {{contact.fullName}}", "text",
                "Dear {{contact.fullName}},\nthe prices.", "html", "<p>Dear {{contact.fullName}}</p>"))
                .post("/api/campaigns/" + campaignId + "/templates").then().statusCode(201);
        JsonPath logged = user(operator).body(Map.of("number", number, "campaign", inbound, "notes", callNote,
                "outcome", "SEND_INFO", "info", Map.of("email", email))).post("/api/calls/inbound").then().statusCode(201)
                .extract().jsonPath();
        long callId = logged.getLong("call.id");
        admin().contentType("audio/wav").body(wav(voice)).put("/api/calls/" + callId + "/recording").then().statusCode(200);
        assertThat(recordingsHolding(voice)).as("the recording is on disk before the erasure").isNotEmpty();

        // an outbound PBX call from the operator to the person: a dial in reporting, the number in its PBX fields;
        // on a day no other test uses, since the chain of PBX records is shared by the whole database
        LocalDate pbxDay = LocalDate.of(2040, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 20_000L));
        Map<String, Object> event = new HashMap<>(Map.of("accountcode", inbound, "src", extension, "dst", digits,
                "channel", "PJSIP/" + extension + "-0000a001", "dstchannel", "PJSIP/trunk-" + digits,
                "start", pbxDay + " 09:00:00", "answer", pbxDay + " 09:00:05", "end", pbxDay + " 09:01:05",
                "duration", 65, "billsec", 60));
        event.put("disposition", "ANSWERED");
        event.put("uniqueid", "17650" + (System.nanoTime() % 100_000_000L) + ".7");
        admin().body(event).post("/api/calls/events").then().statusCode(200);

        // a lead with notes, edited by its operator: the edit keeps the old and new notes in the tamper trail
        JsonPath lead = admin().body(Map.of("contactId", contact, "campaign", inbound, "operator", operator, "notes",
                firstLeadNote)).post("/api/leads").then().statusCode(201).extract().jsonPath();
        user(operator).body(Map.of("notes", leadNote, "version", lead.getLong("version")))
                .put("/api/leads/" + lead.getLong("id")).then().statusCode(200);

        // a callback planned by hand puts the person on the outbound call list
        user(operator).body(Map.of("campaignId", campaignId, "contactId", contact, "dueAt",
                OCCASION.plusDays(1) + "T18:00", "note", callbackNote)).post("/api/callbacks").then().statusCode(201);

        // a meeting
        admin().body(Map.of("contactId", contact, "manager", manager,
                "start", OffsetDateTime.of(OCCASION.atTime(12, 0), ZoneOffset.ofHours(3)).toString(),
                "end", OffsetDateTime.of(OCCASION.atTime(13, 0), ZoneOffset.ofHours(3)).toString(),
                "place", meetingPlace, "note", meetingNote)).post("/api/meetings").then().statusCode(201);

        // a survey with a text answer
        String surveyCampaign = campaign(client, "SURVEY", operator).getValue();
        long survey = user(marketer).body(Map.of("title", "Mood", "intro", "Two minutes?", "campaign", surveyCampaign,
                "questions", List.of(Map.of("code", "Q1", "text", "Anything to add?", "kind", "TEXT"))))
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        user(marketer).post("/api/surveys/" + survey + "/publish").then().statusCode(200);
        long response = user(operator).body(Map.of("contactId", contact)).post("/api/surveys/" + survey + "/responses")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath().getLong("id");
        user(operator).body(Map.of("question", "Q1", "value", surveyAnswer)).post("/api/responses/" + response + "/answers")
                .then().statusCode(200);

        // an after-sales task with an offer, for the person's birthday
        String afterSales = campaign(client, "AFTER_SALES", operator).getValue();
        user(marketer).body(Map.of("type", "BIRTHDAY", "name", unique("Birthday"), "campaign", afterSales,
                "daysBefore", 0, "audience", Map.of("tag", tag), "script", "Happy birthday!",
                "offer", Map.of("kind", "GIFT", "value", "a mug", "validDays", 10)))
                .post("/api/aftersales/rules").then().statusCode(201);
        admin().post("/api/aftersales/generate?date=" + OCCASION).then().statusCode(200);

        // the access report lists every record of every module (reporting may take a moment to count the dial)
        JsonPath report = awaitReport(contact);
        assertThat(report.getString("contact.fullName")).isEqualTo(name);
        assertThat(report.getList("leads.leads.notes", String.class)).containsExactly(leadNote);
        assertThat(report.getList("leads.leadNumbers")).hasSize(1);
        assertThat(report.getList("calls.calls.id", Long.class)).contains(callId).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.getList("calls.calls.notes", String.class)).contains(callNote);
        assertThat(report.getList("calls.calls.recording")).anyMatch(r -> r != null);
        assertThat(report.getList("calls.listEntries.number", String.class)).contains(number);
        assertThat(report.getList("calls.callbacks.note", String.class)).containsExactly(callbackNote);
        assertThat(report.getList("calls.meetings.place", String.class)).containsExactly(meetingPlace);
        assertThat(report.getList("calls.meetings.note", String.class)).containsExactly(meetingNote);
        assertThat(report.getList("surveys.answers.value_text", String.class)).containsExactly(surveyAnswer);
        assertThat(report.getList("aftersales.tasks")).hasSize(1);
        assertThat(report.getList("aftersales.offers.offer_value", String.class)).containsExactly("a mug");
        assertThat(report.getList("mail.outbox.recipients", String.class)).anyMatch(r -> r.contains(email));
        assertThat(report.getList("reporting.dials.number", String.class)).isNotEmpty();
        assertThat(report.getList("reporting.calls")).isNotEmpty();

        List<String> markers = new ArrayList<>(List.of(name, number, digits, "8" + digits.substring(1),
                digits.substring(1), email, contactNote, city, callNote, leadNote, firstLeadNote, callbackNote, meetingPlace,
                meetingNote, surveyAnswer));
        try (Connection db = database()) {
            // the person reached every module's tables, so the scan after the erasure could find them there
            assertThat(hits(db, markers)).as("the markers in the database before the erasure").contains(
                    "leads_contact.full_name: " + name, "leads_contact_aud.full_name: " + name,
                    "leads_contact_phone.number: " + number, "leads_contact_email.email: " + email,
                    "leads_lead.notes: " + leadNote, "leads_lead_number.number: " + number,
                    "leads_lead_aud.notes: " + firstLeadNote, "core_tamper.before_value: " + firstLeadNote,
                    "core_tamper.after_value: " + leadNote,
                    "calls_call.notes: " + callNote, "calls_call.info_email: " + email,
                    "calls_call.dstchannel: " + digits, "calls_list_entry.number: " + number,
                    "calls_callback.note: " + callbackNote, "calls_callback.number: " + number,
                    "calls_meeting.place: " + meetingPlace, "calls_meeting.note: " + meetingNote,
                    "surveys_answer.value_text: " + surveyAnswer, "core_mail.recipients: " + email,
                    "core_mail.text_body: " + name, "reporting_dials.number: " + number,
                    "reporting_call.number: " + number);
        }

        admin().post("/api/contacts/" + contact + "/erase").then().statusCode(200);

        try (Connection db = database()) {
            assertThat(hits(db, markers)).as("where the erased person's values are still in the database").isEmpty();
        }
        assertThat(recordingsHolding(voice)).as("recordings still holding the erased person's voice").isEmpty();
        String after = admin().get("/api/contacts/" + contact + "/personal-data").then().statusCode(200).extract().asString();
        for (String marker : markers) {
            assertThat(after).doesNotContain(marker);
        }
        // the statistics stay: the calls are still there, without the person
        admin().get("/api/calls/" + callId).then().statusCode(200);
        // the erasure is in the tamper trail, as an erasure, and the PBX records' chain still verifies
        assertThat(admin().queryParam("kind", "PERSONAL_DATA_ERASED").queryParam("size", 500).get("/api/integrity/changes")
                .then().statusCode(200).extract().jsonPath().getList("items.subjectId", String.class))
                .contains(String.valueOf(contact));
        admin().get("/api/integrity/verify?from=" + pbxDay + "&to=" + pbxDay).then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aMergeMovesEveryModulesRecordsToTheSurvivor() {
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String manager = unique("boss");
        createUser(manager, List.of("SUPERVISOR"), null, null);
        String marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        long client = createClient(unique("Merge Client"));
        Map.Entry<Long, String> outbound = campaign(client, "OUTBOUND", operator);
        String number = freeMobile();
        long merged = Api.createContact("Merged " + token(), number);
        long survivor = Api.createContact("Survivor " + token(), freeMobile());

        long callId = user(operator).body(Map.of("number", number, "campaign", outbound.getValue()))
                .post("/api/calls/inbound").then().statusCode(201).extract().jsonPath().getLong("call.id");
        admin().body(Map.of("contactId", merged, "campaign", outbound.getValue(), "operator", operator))
                .post("/api/leads").then().statusCode(201);
        user(operator).body(Map.of("campaignId", outbound.getKey(), "contactId", merged, "dueAt",
                OCCASION.plusDays(1) + "T18:00", "note", "call at six")).post("/api/callbacks").then().statusCode(201);
        admin().body(Map.of("contactId", merged, "manager", manager,
                "start", OffsetDateTime.of(OCCASION.atTime(15, 0), ZoneOffset.ofHours(3)).toString(),
                "end", OffsetDateTime.of(OCCASION.atTime(16, 0), ZoneOffset.ofHours(3)).toString()))
                .post("/api/meetings").then().statusCode(201);
        String surveyCampaign = campaign(client, "SURVEY", operator).getValue();
        long survey = user(marketer).body(Map.of("title", "Mood", "intro", "Two minutes?", "campaign", surveyCampaign,
                "questions", List.of(Map.of("code", "Q1", "text", "Anything to add?", "kind", "TEXT"))))
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        user(marketer).post("/api/surveys/" + survey + "/publish").then().statusCode(200);
        user(operator).body(Map.of("contactId", merged)).post("/api/surveys/" + survey + "/responses").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        admin().body(Map.of("sourceId", merged)).post("/api/contacts/" + survivor + "/merge").then().statusCode(200);

        JsonPath report = admin().get("/api/contacts/" + survivor + "/personal-data").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("leads.leads")).hasSize(1);
        assertThat(report.getList("calls.calls.id", Long.class)).containsExactly(callId);
        assertThat(report.getList("calls.listEntries.number", String.class)).containsExactly(number);
        assertThat(report.getList("calls.callbacks.note", String.class)).containsExactly("call at six");
        assertThat(report.getList("calls.meetings")).hasSize(1);
        assertThat(report.getList("surveys.responses")).hasSize(1);
        JsonPath left = admin().get("/api/contacts/" + merged + "/personal-data").then().statusCode(200)
                .extract().jsonPath();
        assertThat(left.getList("calls.calls")).isEmpty();
        assertThat(left.getList("calls.callbacks")).isEmpty();
        assertThat(left.getList("calls.meetings")).isEmpty();
        assertThat(left.getList("surveys.responses")).isEmpty();
        assertThat(left.getList("leads.leads")).isEmpty();
    }

    private static Map.Entry<Long, String> campaign(long client, String type, String operator) {
        String code = unique(type.substring(0, 2)).toUpperCase(Locale.ROOT);
        long id = admin().body(Map.of("code", code, "name", "Campaign " + code, "type", type, "clientId", client,
                "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        return Map.entry(id, code);
    }

    private static JsonPath awaitReport(long contact) throws InterruptedException {
        JsonPath report = null;
        for (int i = 0; i < 60; i++) {
            report = admin().get("/api/contacts/" + contact + "/personal-data").then().statusCode(200).extract().jsonPath();
            if (!report.getList("reporting.dials").isEmpty() && report.getList("reporting.calls").size() >= 2) {
                return report;
            }
            Thread.sleep(500);
        }
        return report;
    }

    /** A WAV file whose audio holds {@code voice}, so the file can be recognised on disk. */
    private static byte[] wav(byte[] voice) {
        byte[] bytes = CallsIT.wav(600);
        System.arraycopy(voice, 0, bytes, 100, voice.length);
        return bytes;
    }

    private static Map<String, String> serverProperties() {
        Map<String, String> properties = new HashMap<>();
        for (String arg : System.getProperty("it.jvm.args", "").trim().split("\\s+")) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("-D") && eq > 2) {
                properties.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        return properties;
    }

    private static List<Path> recordingsHolding(byte[] voice) throws IOException {
        Path root = Path.of(serverProperties().get("switchboard.data.dir"), "recordings");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String needle = new String(voice, StandardCharsets.ISO_8859_1);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(needle);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    /** The server's database: PostgreSQL as the suite configures it, or its H2 file through AUTO_SERVER. */
    private static Connection database() throws SQLException {
        Map<String, String> properties = serverProperties();
        if ("postgresql".equals(properties.get("switchboard.db"))) {
            return DriverManager.getConnection(properties.get("switchboard.postgresql.url"),
                    properties.getOrDefault("switchboard.postgresql.user", "postgres"),
                    properties.getOrDefault("switchboard.postgresql.password", ""));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + properties.get("switchboard.data.dir")
                + "/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "sa");
    }

    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    /** "table.column: marker" for every marker found in any text column of any table of the application's schema. */
    static List<String> hits(Connection db, List<String> markers) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        DatabaseMetaData meta = db.getMetaData();
        try (ResultSet rs = meta.getColumns(null, "public", "%", "%")) {
            while (rs.next()) {
                if (TEXT_TYPES.contains(rs.getInt("DATA_TYPE"))) {
                    columns.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        assertThat(columns).as("text columns of the schema").containsKeys("leads_contact", "calls_call", "core_mail",
                "leads_contact_aud", "reporting_dials", "surveys_answer", "core_tamper");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            for (String column : table.getValue()) {
                String sql = "SELECT " + column + " FROM " + table.getKey() + " WHERE LOWER(" + column + ") LIKE ?";
                for (String marker : markers) {
                    try (PreparedStatement s = db.prepareStatement(sql)) {
                        s.setString(1, "%" + marker.toLowerCase(Locale.ROOT).replace("_", "\\_").replace("%", "\\%") + "%");
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next()) {
                                found.add(table.getKey() + "." + column + ": " + marker);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
