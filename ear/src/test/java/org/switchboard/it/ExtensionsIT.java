package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls that arrived before their operator existed: PBX records of an extension nobody holds are unassigned and in
 * nobody's figures; the user given the extension adopts them (in the reports, in the trail); an extension re-mapped
 * to another user moves the calls from the day it applies from, imported and still to come, and a day already past
 * needs a SUPERVISOR or ADMIN with a reason.
 */
@ExtendWith(ArquillianExtension.class)
class ExtensionsIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    /** An answered outbound call from {@code extension}, at 10:00 PBX time of {@code day} (00:00:10 for today). */
    private static String out(String campaign, String extension, LocalDate day, int talk) {
        LocalDate today = LocalDate.now(MOSCOW);
        LocalDateTime start = day.equals(today) ? day.atTime(0, 0, 10) : day.atTime(10, 0);
        String number = "7921" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        return CallsIT.cdr(campaign, extension, number, "PJSIP/" + extension + "-0000001a", "PJSIP/trunk-0000001b",
                "\"Op\" <" + extension + ">", start, 5, talk, "ANSWERED", UUID.randomUUID().toString().substring(0, 12),
                null);
    }

    private static JsonPath importCsv(String... lines) {
        return admin().contentType("text/csv").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).extract().jsonPath();
    }

    /** The campaign's calls: talk seconds → operator ("-" for nobody). */
    private static Map<Integer, String> owners(String campaign) {
        Map<Integer, String> owners = new TreeMap<>();
        admin().queryParam("campaign", campaign).queryParam("size", 100).get("/api/calls").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).forEach(c -> owners.put(
                        ((Number) c.get("talkSeconds")).intValue(), c.get("operator") == null ? "-" : (String) c.get("operator")));
        return owners;
    }

    /** An operator's report days in the campaign: date → calls. */
    private static Map<String, Integer> days(String operator, String campaign, LocalDate from, LocalDate to) {
        Map<String, Integer> days = new TreeMap<>();
        admin().queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("operator", operator)
                .queryParam("campaign", campaign).get("/api/reports/operator-days").then().statusCode(200).extract()
                .jsonPath().getList("$", Map.class).forEach(d -> {
                    int calls = ((Number) d.get("calls")).intValue();
                    if (calls > 0) {
                        days.put((String) d.get("date"), calls);
                    }
                });
        return days;
    }

    private static List<Map<String, Object>> trail(String kind, String operator) {
        return admin().queryParam("kind", kind).queryParam("operator", operator).queryParam("size", 100)
                .get("/api/integrity/changes").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> history(String extension) {
        return admin().get("/api/extensions/" + extension + "/history").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @Test
    void unassignedCallsAreAdoptedAndARemapMovesThemFromItsDayOnOnlyWithAReasonForThePast() {
        LocalDate today = LocalDate.now(MOSCOW);
        LocalDate d10 = today.minusDays(10);
        LocalDate d3 = today.minusDays(3);
        long clientId = createClient(unique("Extensions"));
        String campaign = createCampaign(clientId, "INBOUND_AD");
        String ext = freeExtension();

        // PBX records of an extension nobody holds: unassigned, in nobody's figures
        JsonPath report = importCsv(out(campaign, ext, d10, 61), out(campaign, ext, d3, 63), out(campaign, ext, today, 65));
        assertThat(report.getInt("imported")).isEqualTo(3);
        assertThat(report.getInt("unassigned")).isEqualTo(3);
        assertThat(owners(campaign)).isEqualTo(Map.of(61, "-", 63, "-", 65, "-"));
        assertThat(admin().queryParam("from", d10.toString()).queryParam("to", today.toString())
                .queryParam("campaign", campaign).get("/api/reports/operator-days").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();

        // the user given the extension adopts them: the calls, the report, the trail, the history
        String anna = unique("exa");
        createUser(anna, List.of("OPERATOR"), ext, null);
        assertThat(owners(campaign)).isEqualTo(Map.of(61, anna, 63, anna, 65, anna));
        assertThat(days(anna, campaign, d10, today)).isEqualTo(
                Map.of(d10.toString(), 1, d3.toString(), 1, today.toString(), 1));
        List<Map<String, Object>> adopted = trail("CALLS_ADOPTED", anna);
        assertThat(adopted).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("subject", "extension").containsEntry("subjectId", ext)
                    .containsEntry("before", null).containsEntry("after", anna).containsEntry("by", "admin");
            assertThat((String) e.get("reason")).contains("3 calls", "on " + d10 + " to " + today, "since the beginning");
        });
        assertThat(history(ext)).singleElement().satisfies(p -> assertThat(p).containsEntry("username", anna)
                .containsEntry("validFrom", "1970-01-01").containsEntry("validTo", null));

        // a re-map: only SUPERVISOR and ADMIN; a day already past needs a reason
        String boris = unique("exb");
        String borisExt = freeExtension();
        createUser(boris, List.of("OPERATOR"), borisExt, null);
        String supervisor = unique("exs");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        String clientUser = unique("exc");
        createUser(clientUser, List.of("CLIENT"), null, clientId);
        LocalDate d5 = today.minusDays(5);
        Map<String, Object> remap = new HashMap<>(Map.of("username", boris, "effectiveFrom", d5.toString()));
        user(anna).body(remap).post("/api/extensions/" + ext + "/remap").then().statusCode(403);
        user(clientUser).body(remap).post("/api/extensions/" + ext + "/remap").then().statusCode(403);
        user(anna).get("/api/extensions/" + ext + "/history").then().statusCode(403);
        user(supervisor).body(remap).post("/api/extensions/" + ext + "/remap").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("reason"));
        // nothing moved
        assertThat(owners(campaign)).isEqualTo(Map.of(61, anna, 63, anna, 65, anna));
        remap.put("effectiveFrom", today.plusDays(1).toString());
        remap.put("reason", "wrong desk");
        user(supervisor).body(remap).post("/api/extensions/" + ext + "/remap").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("effectiveFrom"));

        remap.put("effectiveFrom", d5.toString());
        remap.put("reason", "Boris sat at Anna's desk since the 5th");
        user(supervisor).body(remap).post("/api/extensions/" + ext + "/remap").then().statusCode(200)
                .body("username", equalTo(boris)).body("extension", equalTo(ext));
        assertThat(owners(campaign)).isEqualTo(Map.of(61, anna, 63, boris, 65, boris));
        assertThat(days(anna, campaign, d10, today)).isEqualTo(Map.of(d10.toString(), 1));
        assertThat(days(boris, campaign, d10, today)).isEqualTo(
                Map.of(d3.toString(), 1, today.toString(), 1));
        assertThat(trail("CALLS_REATTRIBUTED", boris)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("subjectId", ext).containsEntry("before", anna).containsEntry("after", boris)
                    .containsEntry("by", supervisor);
            assertThat((String) e.get("reason")).contains("2 calls", "on " + d3 + " to " + today, "from " + d5,
                    "since the 5th");
        });
        assertThat(trail("EXTENSION_REMAPPED", anna)).anySatisfy(e -> assertThat(e).containsEntry("before", ext)
                .containsEntry("after", null).containsEntry("by", supervisor));
        List<Map<String, Object>> periods = history(ext);
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0)).containsEntry("username", anna).containsEntry("validTo", d5.toString());
        assertThat(periods.get(1)).containsEntry("username", boris).containsEntry("validFrom", d5.toString())
                .containsEntry("validTo", null).containsEntry("setBy", supervisor);
        // Boris's own extension was given up from the same day; his periods say so
        assertThat(admin().get("/api/users/" + id(boris) + "/extensions").then().statusCode(200).extract().jsonPath()
                .getList("extension", String.class)).containsExactly(borisExt, ext);
        admin().get("/api/users/" + id(anna)).then().statusCode(200).body("extension", equalTo(null));

        // records imported later are resolved by their day: before the 5th Anna's, from it Boris's
        importCsv(out(campaign, ext, today.minusDays(9), 71), out(campaign, ext, today.minusDays(2), 73));
        assertThat(owners(campaign)).containsEntry(71, anna).containsEntry(73, boris);

        // a re-map without a day applies from today: no reason needed, only today's call moves
        String carl = unique("exk");
        createUser(carl, List.of("OPERATOR"), freeExtension(), null);
        admin().body(Map.of("username", carl)).post("/api/extensions/" + ext + "/remap").then().statusCode(200);
        assertThat(owners(campaign)).isEqualTo(Map.of(61, anna, 63, boris, 65, carl, 71, anna, 73, boris));
        assertThat(days(carl, campaign, d10, today)).isEqualTo(Map.of(today.toString(), 1));
        assertThat(history(ext)).extracting(p -> p.get("username")).containsExactly(anna, boris, carl);
    }

    @Test
    void aFreedExtensionsNextHolderAdoptsOnlyTheCallsAfterThePreviousHoldersPeriod() {
        LocalDate today = LocalDate.now(MOSCOW);
        long clientId = createClient(unique("Extensions freed"));
        String campaign = createCampaign(clientId, "INBOUND_AD");
        String ext = freeExtension();
        String dora = unique("exd");
        long doraId = id(createUser(dora, List.of("OPERATOR"), ext, null));
        importCsv(out(campaign, ext, today.minusDays(4), 81), out(campaign, ext, today.minusDays(1), 83));
        assertThat(owners(campaign)).isEqualTo(Map.of(81, dora, 83, dora));

        // Dora gives the extension up from two days ago: a day already past, so only with a reason
        Map<String, Object> change = new HashMap<>(Map.of("fullName", "Dora", "roles", List.of("OPERATOR"),
                "extension", freeExtension(), "version", 0, "effectiveFrom", today.minusDays(2).toString()));
        admin().body(change).put("/api/users/" + doraId).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("reason"));
        change.put("reason", "moved to the night shift");
        admin().body(change).put("/api/users/" + doraId).then().statusCode(200);
        assertThat(owners(campaign)).isEqualTo(Map.of(81, dora, 83, "-"));
        assertThat(trail("CALLS_REATTRIBUTED", dora)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("before", dora).containsEntry("after", null));

        // the next holder adopts only what came after Dora's period
        String emil = unique("exe");
        createUser(emil, List.of("OPERATOR"), ext, null);
        assertThat(owners(campaign)).isEqualTo(Map.of(81, dora, 83, emil));
        assertThat(trail("CALLS_ADOPTED", emil)).singleElement().satisfies(e -> assertThat((String) e.get("reason"))
                .contains("1 call ", "from " + today.minusDays(2)));
        assertThat(days(emil, campaign, today.minusDays(10), today)).isEqualTo(
                Map.of(today.minusDays(1).toString(), 1));
        assertThat(days(dora, campaign, today.minusDays(10), today)).isEqualTo(
                Map.of(today.minusDays(4).toString(), 1));
    }

    private static long id(String username) {
        return admin().queryParam("q", username).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    private static long id(Map<String, Object> user) {
        return ((Number) user.get("id")).longValue();
    }
}
