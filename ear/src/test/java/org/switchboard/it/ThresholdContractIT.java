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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thresholds are part of the contract: every change is a version valid from a day, the periods in force are readable,
 * a CLIENT reads and sets its own campaigns' thresholds, and every change (thresholds, extensions, plans) is in the
 * tamper trail.
 */
@ExtendWith(ArquillianExtension.class)
class ThresholdContractIT {

    /** Far enough ahead that no other test's report reaches it. */
    private static final String FUTURE = "2099-01-01";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static RequestSpecification user(String username) {
        return as(username, username + "-pw");
    }

    private static long id(String code) {
        return admin().queryParam("q", code).get("/api/campaigns").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    private static List<Map<String, Object>> changes(RequestSpecification who, Map<String, String> query) {
        return who.queryParams(query).queryParam("size", 500).get("/api/integrity/changes").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @Test
    void aCentreChangeFromADayIsANewVersionWithItsPeriodAndTrailAndTodayIsUntouched() {
        long clientId = createClient(unique("Contract Centre"));
        String code = createCampaign(clientId, "INBOUND_AD");
        String clientUser = unique("thcc");
        createUser(clientUser, List.of("CLIENT"), null, clientId);
        String operator = unique("thop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);

        Map<String, Object> original = new HashMap<>(admin().get("/api/settings").then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        int min = ((Number) original.get("minTalkSeconds")).intValue();
        assertThat(original).containsKey("backingWindowHours");
        int backing = ((Number) original.get("backingWindowHours")).intValue();
        try {
            Map<String, Object> bad = new HashMap<>(original);
            bad.put("backingWindowHours", 73);
            admin().body(bad).put("/api/settings").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("backingWindowHours"));
            bad.put("backingWindowHours", 12);
            bad.put("thresholdsValidFrom", "next tuesday");
            admin().body(bad).put("/api/settings").then().statusCode(400).contentType(PROBLEM_JSON);

            Map<String, Object> change = new HashMap<>(original);
            change.put("minTalkSeconds", min + 7);
            change.put("backingWindowHours", backing + 12);
            change.put("thresholdsValidFrom", FUTURE);
            change.put("reason", "contract renewal");
            // today's values stay in force: the answer shows them
            admin().body(change).put("/api/settings").then().statusCode(200)
                    .body("minTalkSeconds", equalTo(min)).body("backingWindowHours", equalTo(backing));

            List<Map<String, Object>> periods = user(operator).queryParam("from", "2098-12-01")
                    .queryParam("to", "2099-02-01").get("/api/thresholds").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(periods).hasSize(2);
            assertThat(periods.get(0)).containsEntry("scope", "CENTRE").containsEntry("validTo", "2098-12-31")
                    .containsEntry("minTalkSeconds", min).containsEntry("backingWindowHours", backing);
            assertThat(periods.get(1)).containsEntry("validFrom", FUTURE).containsEntry("validTo", null)
                    .containsEntry("minTalkSeconds", min + 7).containsEntry("backingWindowHours", backing + 12);
            assertThat(periods.get(1)).containsKeys("longCallSeconds", "leadSpikeMinLeads", "leadSpikeFactor",
                    "leadSpikeWindowDays", "shortCallsMinAnswered", "shortCallsPercent", "longCallsMinCount",
                    "repeatDialsMax", "planMissPercent");
            // the campaign without overrides has the centre's periods
            user(clientUser).queryParam("campaign", code).queryParam("from", "2098-12-01").get("/api/thresholds")
                    .then().statusCode(200).body("[1].scope", equalTo("CENTRE")).body("[1].campaign", equalTo(code))
                    .body("[1].minTalkSeconds", equalTo(min + 7));

            // the client reads the centre-wide change beside its campaign's, with the day it applies from
            List<Map<String, Object>> trail = changes(user(clientUser), Map.of("campaign", code, "kind", "THRESHOLD_CHANGED"));
            assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("subject", "settings")
                    .containsEntry("subjectId", "centre").containsEntry("field", "minTalkSeconds")
                    .containsEntry("before", String.valueOf(min)).containsEntry("after", String.valueOf(min + 7))
                    .containsEntry("by", "admin").containsEntry("clientId", null)
                    .satisfies(x -> assertThat((String) x.get("reason")).contains("from " + FUTURE)
                            .contains("contract renewal")));
            assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("field", "backingWindowHours")
                    .containsEntry("after", String.valueOf(backing + 12)));
        } finally {
            Map<String, Object> restore = new HashMap<>(original);
            restore.put("thresholdsValidFrom", FUTURE);
            restore.put("reason", "ThresholdContractIT restores the defaults");
            restore.put("version", admin().get("/api/settings").then().extract().jsonPath().getInt("version"));
            admin().body(restore).put("/api/settings").then().statusCode(200);
        }
        admin().queryParam("from", FUTURE).queryParam("to", FUTURE).get("/api/thresholds").then().statusCode(200)
                .body("[0].minTalkSeconds", equalTo(min)).body("[0].backingWindowHours", equalTo(backing));
        admin().get("/api/settings").then().statusCode(200).body("minTalkSeconds", equalTo(min));
    }

    @Test
    void aClientReadsAndSetsItsOwnCampaignsThresholdsOnlyAndEveryChangeIsInItsTrail() {
        long alpha = createClient(unique("Contract Alpha"));
        long beta = createClient(unique("Contract Beta"));
        String codeA = unique("TH").toUpperCase();
        admin().body(Map.of("code", codeA, "name", "Thresholds " + codeA, "type", "OUTBOUND", "clientId", alpha,
                "minTalkSeconds", 30, "longCallSeconds", 900)).post("/api/campaigns").then().statusCode(201);
        String codeB = createCampaign(beta, "OUTBOUND");
        long a = id(codeA);
        long b = id(codeB);
        String alphaUser = unique("thal");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        String operator = unique("thop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String marketer = unique("thmk");
        createUser(marketer, List.of("MARKETER"), null, null);

        // created with overrides: in force from the start
        JsonPath read = user(alphaUser).get("/api/campaigns/" + a + "/thresholds").then().statusCode(200)
                .body("campaign", equalTo(codeA)).body("inForce.minTalkSeconds", equalTo(30))
                .body("inForce.longCallSeconds", equalTo(900)).extract().jsonPath();
        assertThat(read.getMap("inForce")).containsKeys("leadSpikeMinLeads", "leadSpikeFactor", "leadSpikeWindowDays",
                "shortCallsMinAnswered", "shortCallsPercent", "longCallsMinCount", "repeatDialsMax", "planMissPercent",
                "backingWindowHours", "validFrom");
        List<Map<String, Object>> history = read.getList("history");
        assertThat(history).anySatisfy(h -> assertThat(h).containsEntry("scope", "CAMPAIGN")
                .containsEntry("validFrom", "1970-01-01").containsEntry("minTalkSeconds", 30).containsEntry("setBy", "admin"));
        assertThat(history).anySatisfy(h -> assertThat(h).containsEntry("scope", "CENTRE"));
        // the sub-path resolves beside the outbound ones under campaigns/{id}
        admin().get("/api/campaigns/" + a + "/list").then().statusCode(200);
        admin().get("/api/campaigns/" + a).then().statusCode(200).body("code", equalTo(codeA));

        user(alphaUser).get("/api/campaigns/" + b + "/thresholds").then().statusCode(404).contentType(PROBLEM_JSON);
        admin().get("/api/campaigns/999999999/thresholds").then().statusCode(404);

        List<Map<String, Object>> set = user(alphaUser).body(Map.of("minTalkSeconds", 35, "longCallSeconds", 1000,
                "reason", "per contract")).put("/api/campaigns/" + a + "/thresholds").then().statusCode(200)
                .body("inForce.minTalkSeconds", equalTo(35)).body("inForce.longCallSeconds", equalTo(1000))
                .extract().jsonPath().getList("history");
        assertThat(set).anySatisfy(h -> assertThat(h).containsEntry("scope", "CAMPAIGN").containsEntry("setBy", alphaUser)
                .containsEntry("minTalkSeconds", 35).doesNotContainEntry("validFrom", "1970-01-01"));
        assertThat(set).hasSize(history.size() + 1);
        admin().get("/api/campaigns/" + a).then().statusCode(200).body("minTalkSeconds", equalTo(35))
                .body("longCallSeconds", equalTo(1000));

        Map<String, Object> fine = Map.of("minTalkSeconds", 40, "longCallSeconds", 1000);
        user(alphaUser).body(fine).put("/api/campaigns/" + b + "/thresholds").then().statusCode(404);
        user(operator).body(fine).put("/api/campaigns/" + a + "/thresholds").then().statusCode(403);
        user(marketer).body(fine).put("/api/campaigns/" + a + "/thresholds").then().statusCode(403);
        user(operator).get("/api/campaigns/" + a + "/thresholds").then().statusCode(200);

        user(alphaUser).body(Map.of("minTalkSeconds", 0, "longCallSeconds", 1000)).put("/api/campaigns/" + a + "/thresholds")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("minTalkSeconds"));
        user(alphaUser).body(Map.of("minTalkSeconds", 50, "longCallSeconds", 40)).put("/api/campaigns/" + a + "/thresholds")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("longCallSeconds"));
        user(alphaUser).body(Map.of("longCallSeconds", 40)).put("/api/campaigns/" + a + "/thresholds")
                .then().statusCode(400).body("violations.field", hasItem("minTalkSeconds"));
        user(alphaUser).body(Map.of("minTalkSeconds", 30, "longCallSeconds", 900, "validFrom", "2026-13-01"))
                .put("/api/campaigns/" + a + "/thresholds").then().statusCode(400).contentType(PROBLEM_JSON);

        // a day in the past is allowed, and said in the trail; today's version still wins from today
        admin().body(Map.of("minTalkSeconds", 33, "longCallSeconds", 1000, "validFrom", "2020-01-01"))
                .put("/api/campaigns/" + a + "/thresholds").then().statusCode(200).body("inForce.minTalkSeconds", equalTo(35));
        // and a later change through the campaign itself, from a future day
        Map<String, Object> campaign = new HashMap<>(admin().get("/api/campaigns/" + a).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        campaign.keySet().retainAll(List.of("code", "name", "type", "clientId", "active", "operators", "numbers",
                "minTalkSeconds", "longCallSeconds", "version"));
        campaign.put("minTalkSeconds", 45);
        campaign.put("thresholdsValidFrom", FUTURE);
        admin().body(campaign).put("/api/campaigns/" + a).then().statusCode(200).body("minTalkSeconds", equalTo(35));

        List<Map<String, Object>> periods = user(alphaUser).queryParam("campaign", codeA).queryParam("from", "2019-12-01")
                .get("/api/thresholds").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(periods).extracting(p -> p.get("validFrom")).startsWith("1970-01-01", "2020-01-01");
        assertThat(periods).extracting(p -> p.get("minTalkSeconds")).startsWith(30, 33);
        assertThat(periods.get(periods.size() - 1)).containsEntry("validFrom", FUTURE).containsEntry("minTalkSeconds", 45)
                .containsEntry("scope", "CAMPAIGN").containsEntry("validTo", null);
        assertThat(periods).allSatisfy(p -> assertThat(p).containsEntry("campaign", codeA));
        user(alphaUser).queryParam("campaign", codeB).get("/api/thresholds").then().statusCode(404);
        user(marketer).get("/api/thresholds").then().statusCode(403);
        admin().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get("/api/thresholds").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));

        admin().body(fine).put("/api/campaigns/" + b + "/thresholds").then().statusCode(200);

        List<Map<String, Object>> trail = changes(user(alphaUser), Map.of("campaign", codeA, "kind", "THRESHOLD_CHANGED"));
        assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("subject", "campaign").containsEntry("subjectId", codeA)
                .containsEntry("campaign", codeA).containsEntry("clientId", (int) alpha).containsEntry("by", alphaUser)
                .containsEntry("field", "minTalkSeconds").containsEntry("before", "30").containsEntry("after", "35")
                .satisfies(x -> assertThat((String) x.get("reason")).contains("per contract")));
        assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("after", "33")
                .satisfies(x -> assertThat((String) x.get("reason")).contains("from 2020-01-01").contains("past")));
        assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("after", "45")
                .satisfies(x -> assertThat((String) x.get("reason")).contains("from " + FUTURE)));
        // another client's campaign's changes stay out of sight
        assertThat(changes(user(alphaUser), Map.of("campaign", codeB, "kind", "THRESHOLD_CHANGED")))
                .noneSatisfy(e -> assertThat(e.get("subject")).isEqualTo("campaign"));
        assertThat(changes(admin(), Map.of("campaign", codeB, "kind", "THRESHOLD_CHANGED")))
                .anySatisfy(e -> assertThat(e).containsEntry("subjectId", codeB).containsEntry("after", "40"));
    }

    @Test
    void extensionRemapsAndPlanChangesAreInTheTrailForASupervisor() {
        String supervisor = unique("thsv");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        String operator = unique("thrm");
        String first = freeExtension();
        long id = ((Number) createUser(operator, List.of("OPERATOR"), first, null).get("id")).longValue();
        String second = freeExtension();
        int version = admin().body(Map.of("fullName", "Remapped", "roles", List.of("OPERATOR"), "extension", second,
                "version", 0)).put("/api/users/" + id).then().statusCode(200).body("extension", equalTo(second))
                .extract().jsonPath().getInt("version");
        // a change of anything else is no remap
        admin().body(Map.of("fullName", "Renamed", "roles", List.of("OPERATOR"), "extension", second, "version", version))
                .put("/api/users/" + id).then().statusCode(200).body("fullName", equalTo("Renamed"));

        List<Map<String, Object>> remaps = changes(user(supervisor), Map.of("kind", "EXTENSION_REMAPPED", "operator", operator));
        assertThat(remaps).hasSize(2);
        assertThat(remaps.get(0)).containsEntry("subject", "user").containsEntry("subjectId", operator)
                .containsEntry("operator", operator).containsEntry("field", "extension").containsEntry("before", first)
                .containsEntry("after", second).containsEntry("by", "admin").containsEntry("clientId", null);
        assertThat(remaps.get(1)).containsEntry("before", null).containsEntry("after", first);

        Map<String, Object> plan = new HashMap<>(Map.of("operator", operator, "from", "2026-12-01", "to", "2026-12-07",
                "calls", 40, "leads", 3));
        user(supervisor).body(List.of(plan)).post("/api/plans").then().statusCode(200).body("days", equalTo(7));
        plan.put("calls", 50);
        plan.put("to", "2026-12-10");
        user(supervisor).body(List.of(plan)).post("/api/plans").then().statusCode(200);
        // the same plan again changes nothing and leaves no entry
        user(supervisor).body(List.of(plan)).post("/api/plans").then().statusCode(200);

        List<Map<String, Object>> plans = changes(user(supervisor), Map.of("kind", "PLAN_CHANGED", "operator", operator));
        assertThat(plans).hasSize(4);
        assertThat(plans).allSatisfy(e -> assertThat(e).containsEntry("subject", "plan").containsEntry("operator", operator)
                .containsEntry("by", supervisor));
        assertThat(plans).anySatisfy(e -> assertThat(e).containsEntry("field", "calls").containsEntry("before", null)
                .containsEntry("after", "40").containsEntry("reason", "from 2026-12-01 to 2026-12-07"));
        assertThat(plans).anySatisfy(e -> assertThat(e).containsEntry("field", "calls").containsEntry("before", "40, none")
                .containsEntry("after", "50").containsEntry("reason", "from 2026-12-01 to 2026-12-10"));
        assertThat(plans).anySatisfy(e -> assertThat(e).containsEntry("field", "leads").containsEntry("before", "3, none")
                .containsEntry("after", "3"));
        // operators themselves do not read the trail
        user(operator).get("/api/integrity/changes").then().statusCode(403);
    }
}
