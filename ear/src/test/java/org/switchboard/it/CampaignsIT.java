package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
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

/** One campaign by its id: read (a CLIENT only its own), changed with its version, beside the outbound sub-paths. */
@ExtendWith(ArquillianExtension.class)
class CampaignsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static long id(String code) {
        return admin().queryParam("q", code).get("/api/campaigns").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    @Test
    void aCampaignIsReadAndChangedByItsIdAndAnotherClientsAnswers404() {
        long alpha = createClient(unique("Campaign Alpha"));
        long beta = createClient(unique("Campaign Beta"));
        String code = createCampaign(alpha, "OUTBOUND");
        long campaign = id(code);
        String alphaUser = unique("cmpal");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        String betaUser = unique("cmpbe");
        createUser(betaUser, List.of("CLIENT"), null, beta);

        JsonPath read = as(alphaUser, alphaUser + "-pw").get("/api/campaigns/" + campaign).then().statusCode(200)
                .body("code", equalTo(code)).body("clientId", equalTo((int) alpha)).extract().jsonPath();
        assertThat(read.getLong("id")).isEqualTo(campaign);
        assertThat(read.getString("type")).isEqualTo("OUTBOUND");
        as(betaUser, betaUser + "-pw").get("/api/campaigns/" + campaign).then().statusCode(404)
                .body("detail", containsString("no campaign"));
        admin().get("/api/campaigns/999999999").then().statusCode(404).body("detail", containsString("no campaign"));
        // the outbound sub-resources under the same path still answer
        admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).body("total", equalTo(0));
        admin().get("/api/campaigns/" + campaign + "/outbound").then().statusCode(200);

        Map<String, Object> change = new HashMap<>();
        for (String field : List.of("code", "type", "clientId", "active", "operators", "numbers", "version")) {
            change.put(field, read.get(field));
        }
        change.put("name", "Renamed " + code);
        as(alphaUser, alphaUser + "-pw").body(change).put("/api/campaigns/" + campaign).then().statusCode(403);
        admin().body(change).put("/api/campaigns/" + campaign).then().statusCode(200)
                .body("name", equalTo("Renamed " + code)).body("version", equalTo(read.getInt("version") + 1));
        admin().body(change).put("/api/campaigns/" + campaign).then().statusCode(409);
        admin().get("/api/campaigns/" + campaign).then().statusCode(200).body("name", equalTo("Renamed " + code));
    }
}
