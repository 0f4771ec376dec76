package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients with client isolation, and the call-centre settings. */
@ExtendWith(ArquillianExtension.class)
class ClientsSettingsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void aClientUserSeesOnlyItsOwnClient() {
        String nameA = unique("Alpha LLC");
        String nameB = unique("Beta LLC");
        long a = createClient(nameA);
        long b = createClient(nameB);
        String clientUser = unique("client");
        createUser(clientUser, List.of("CLIENT"), null, a);

        as(clientUser, clientUser + "-pw").get("/api/clients").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) a));
        as(clientUser, clientUser + "-pw").get("/api/clients/" + a).then().statusCode(200).body("name", equalTo(nameA));
        as(clientUser, clientUser + "-pw").get("/api/clients/" + b).then().statusCode(403).contentType(PROBLEM_JSON);
        as(clientUser, clientUser + "-pw").get("/api/me").then().body("clientId", equalTo((int) a));

        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        as(operator, operator + "-pw").get("/api/clients/" + b).then().statusCode(200);
        as(operator, operator + "-pw").queryParam("q", nameB).get("/api/clients").then().body("items.name", hasItem(nameB));
    }

    @Test
    void clientNamesAreUniqueAndEditsAreVersioned() {
        String name = unique("Gamma LLC");
        long id = createClient(name);
        admin().body(Map.of("name", name.toUpperCase())).post("/api/clients").then().statusCode(409)
                .contentType(PROBLEM_JSON).body("existing.id", equalTo((int) id));
        admin().body(Map.of("name", "   ")).post("/api/clients").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        admin().body(Map.of("name", name, "contactEmail", "not-an-email")).post("/api/clients").then().statusCode(400)
                .body("violations[0].field", equalTo("contactEmail"));
        admin().body(Map.of("name", name + " Renamed", "version", 0)).put("/api/clients/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        admin().body(Map.of("name", name + " Stale", "version", 0)).put("/api/clients/" + id).then().statusCode(409);
        admin().get("/api/clients/999999999").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void settingsAreReadByAllAndChangedByAdminWithVersionCheck() {
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        JsonPath current = as(operator, operator + "-pw").get("/api/settings").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Moscow")).extract().jsonPath();
        Map<String, Object> body = new HashMap<>(current.getMap("$"));
        assertThat(body).containsKeys("timeZone", "minTalkSeconds", "longCallSeconds", "leadSpikeMinLeads",
                "leadSpikeFactor", "leadSpikeWindowDays", "shortCallsMinAnswered", "shortCallsPercent",
                "longCallsMinCount", "repeatDialsMax", "planMissPercent", "version");

        as(operator, operator + "-pw").body(body).put("/api/settings").then().statusCode(403);

        Map<String, Object> badZone = new HashMap<>(body);
        badZone.put("timeZone", "Mars/Olympus");
        admin().body(badZone).put("/api/settings").then().statusCode(400).body("violations[0].field", equalTo("timeZone"));

        Map<String, Object> badThresholds = new HashMap<>(body);
        badThresholds.put("minTalkSeconds", 0);
        badThresholds.put("shortCallsPercent", 101);
        admin().body(badThresholds).put("/api/settings").then().statusCode(400)
                .body("violations.field", hasItem("minTalkSeconds")).body("violations.field", hasItem("shortCallsPercent"));

        Map<String, Object> change = new HashMap<>(body);
        int version = ((Number) body.get("version")).intValue();
        change.put("minTalkSeconds", 25);
        admin().body(change).put("/api/settings").then().statusCode(200)
                .body("minTalkSeconds", equalTo(25)).body("version", equalTo(version + 1));
        admin().body(change).put("/api/settings").then().statusCode(409).body("detail", containsString("version"));

        Map<String, Object> restore = new HashMap<>(body);
        restore.put("version", version + 1);
        admin().body(restore).put("/api/settings").then().statusCode(200).body("minTalkSeconds", equalTo(body.get("minTalkSeconds")));
    }

    @Test
    void theSessionIdleTimeoutIsASettingOf5To480MinutesThatMeDelivers() {
        String operator = unique("idleop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        as(operator, operator + "-pw").get("/api/me").then().statusCode(200).body("idleMinutes", equalTo(30));
        Map<String, Object> body = new HashMap<>(admin().get("/api/settings").then().statusCode(200)
                .body("sessionIdleMinutes", equalTo(30)).extract().jsonPath().getMap("$"));
        int version;

        for (int wrong : new int[] {4, 481}) {
            Map<String, Object> bad = new HashMap<>(body);
            bad.put("sessionIdleMinutes", wrong);
            admin().body(bad).put("/api/settings").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("sessionIdleMinutes"))
                    .body("violations[0].message", containsString("between 5 and 480"));
        }
        // a body written before the field existed leaves it as it is
        Map<String, Object> without = new HashMap<>(body);
        without.remove("sessionIdleMinutes");
        version = admin().body(without).put("/api/settings").then().statusCode(200).body("sessionIdleMinutes", equalTo(30))
                .extract().jsonPath().getInt("version");

        Map<String, Object> change = new HashMap<>(body);
        change.put("sessionIdleMinutes", 45);
        change.put("version", version);
        version = admin().body(change).put("/api/settings").then().statusCode(200).body("sessionIdleMinutes", equalTo(45))
                .extract().jsonPath().getInt("version");
        as(operator, operator + "-pw").get("/api/me").then().statusCode(200).body("idleMinutes", equalTo(45));

        change.put("sessionIdleMinutes", 30);
        change.put("version", version);
        admin().body(change).put("/api/settings").then().statusCode(200).body("sessionIdleMinutes", equalTo(30));
    }
}
