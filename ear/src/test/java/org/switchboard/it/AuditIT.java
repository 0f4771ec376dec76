package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
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

/** Every change to an edited entity leaves who, when and which fields changed, readable by ADMIN only. */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void userChangesAreAuditedWithAuthorAndChangedFields() {
        String username = unique("aud");
        long id = ((Number) createUser(username, List.of("MARKETER"), null, null).get("id")).longValue();
        Map<String, Object> change = new HashMap<>(Map.of("fullName", "Audited Name", "roles", List.of("MARKETER"),
                "team", "East", "version", 0, "password", "changed-password"));
        admin().body(change).put("/api/users/" + id).then().statusCode(200);

        JsonPath trail = admin().queryParam("entity", "User").queryParam("id", id).get("/api/audit")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("UPDATE", "CREATE");
        assertThat(trail.getList("items.username")).containsOnly("admin");
        assertThat(trail.getString("items[0].changes.fullName.from")).isEqualTo("Test " + username);
        assertThat(trail.getString("items[0].changes.fullName.to")).isEqualTo("Audited Name");
        assertThat(trail.getString("items[0].changes.team.to")).isEqualTo("East");
        assertThat(trail.getMap("items[0].changes")).containsKey("passwordChangedAt").doesNotContainKey("passwordHash");
        assertThat(trail.getMap("items[1].state")).containsEntry("username", username).doesNotContainKey("passwordHash");
        assertThat(trail.getString("items[0].at")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void settingsAndClientsAreAuditedToo() {
        long client = Api.createClient(unique("Audited Client"));
        admin().queryParam("entity", "Client").queryParam("id", client).get("/api/audit")
                .then().statusCode(200).body("items[0].action", equalTo("CREATE"));
        admin().queryParam("entity", "Settings").get("/api/audit").then().statusCode(200);
    }

    @Test
    void onlyAdminReadsTheAuditAndTheEntityMustBeAudited() {
        String supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
        as(supervisor, supervisor + "-pw").queryParam("entity", "User").get("/api/audit").then().statusCode(403);
        admin().queryParam("entity", "Revision").get("/api/audit").then().statusCode(400).contentType(PROBLEM_JSON);
        admin().get("/api/audit").then().statusCode(400).body("violations[0].field", equalTo("entity"));
    }
}
