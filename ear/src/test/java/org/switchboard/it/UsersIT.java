package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.anonymous;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Users, /api/me, authentication, roles and login throttling, over HTTP against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class UsersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void adminCreatesAnOperatorWhoCanLogIn() {
        String username = unique("op");
        String extension = freeExtension();
        Response created = admin().body(Map.of("username", username, "password", "secret-123", "fullName", "Ivan Operator",
                "roles", List.of("OPERATOR"), "extension", extension, "team", "North")).post("/api/users");
        created.then().statusCode(201)
                .header("Location", containsString("/api/users/"))
                .body("username", equalTo(username))
                .body("roles", equalTo(List.of("OPERATOR")))
                .body("extension", equalTo(extension))
                .body("team", equalTo("North"))
                .body("version", equalTo(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/users/" + id);

        as(username, "secret-123").get("/api/me").then().statusCode(200)
                .body("username", equalTo(username))
                .body("extension", equalTo(extension))
                .body("navigation.key", hasItem("calls.inbound"))
                .body("navigation.key", not(hasItem("admin.users")));
        admin().get("/api/users/" + id).then().statusCode(200).body("fullName", equalTo("Ivan Operator"));
    }

    @Test
    void listsPaginateFilterAndSortFromTheAllowList() {
        String team = unique("team");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("username", team + "-u" + i, "password", "secret-123",
                    "fullName", "Member " + (3 - i), "roles", List.of("OPERATOR"), "extension", freeExtension(),
                    "team", team));
            admin().body(body).post("/api/users").then().statusCode(201);
        }
        admin().queryParam("team", team).queryParam("size", 2).queryParam("sort", "-username").get("/api/users")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.username", equalTo(List.of(team + "-u2", team + "-u1")));
        admin().queryParam("team", team).queryParam("page", 1).queryParam("size", 2).get("/api/users")
                .then().statusCode(200).body("items.username", equalTo(List.of(team + "-u2")));
        admin().queryParam("sort", "passwordHash").get("/api/users").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("sort"));
        admin().queryParam("size", 100000).get("/api/users").then().statusCode(400).contentType(PROBLEM_JSON);
        admin().queryParam("role", "PILOT").get("/api/users").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void duplicatesConflictAndLinkTheExistingUser() {
        String username = unique("dup");
        String extension = freeExtension();
        long id = ((Number) createUser(username, List.of("OPERATOR"), extension, null).get("id")).longValue();
        Map<String, Object> again = new HashMap<>(Map.of("username", username.toUpperCase(), "password", "secret-123",
                "fullName", "Again", "roles", List.of("MARKETER")));
        admin().body(again).post("/api/users").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("existing.id", equalTo((int) id)).body("existing.href", equalTo("/api/users/" + id));
        Map<String, Object> sameExtension = new HashMap<>(Map.of("username", unique("other"), "password", "secret-123",
                "fullName", "Other", "roles", List.of("OPERATOR"), "extension", extension));
        admin().body(sameExtension).post("/api/users").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString(extension));
    }

    @Test
    void roleRulesAreValidated() {
        admin().body(Map.of("username", unique("noext"), "password", "secret-123", "fullName", "No Ext",
                "roles", List.of("OPERATOR"))).post("/api/users")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("extension"));
        admin().body(Map.of("username", unique("cl"), "password", "secret-123", "fullName", "Client without client",
                "roles", List.of("CLIENT"))).post("/api/users")
                .then().statusCode(400).body("violations[0].field", equalTo("clientId"));
        admin().body(Map.of("username", unique("cl"), "password", "secret-123", "fullName", "Client of nothing",
                "roles", List.of("CLIENT"), "clientId", 987654321)).post("/api/users")
                .then().statusCode(400).body("violations[0].field", equalTo("clientId"));
        admin().body(Map.of("username", unique("short"), "password", "short", "fullName", "Short Password",
                "roles", List.of("MARKETER"))).post("/api/users")
                .then().statusCode(400).body("violations.field", hasItem("password"));
    }

    @Test
    void updateNeedsTheCurrentVersionAndStaleUpdatesConflict() {
        String username = unique("ver");
        Map<String, Object> user = createUser(username, List.of("MARKETER"), null, null);
        long id = ((Number) user.get("id")).longValue();
        Map<String, Object> change = new HashMap<>(Map.of("fullName", "Renamed", "roles", List.of("MARKETER", "SUPERVISOR"),
                "version", 0, "team", "South"));
        admin().body(change).put("/api/users/" + id).then().statusCode(200)
                .body("fullName", equalTo("Renamed")).body("version", equalTo(1))
                .body("roles", equalTo(List.of("MARKETER", "SUPERVISOR")));
        change.put("fullName", "Lost update");
        admin().body(change).put("/api/users/" + id).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("version"));
        admin().get("/api/users/" + id).then().body("fullName", equalTo("Renamed"));
        change.remove("version");
        admin().body(change).put("/api/users/" + id).then().statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void passwordChangesByAdminAndByTheUserThemselves() {
        String username = unique("pw");
        long id = ((Number) createUser(username, List.of("MARKETER"), null, null).get("id")).longValue();
        as(username, username + "-pw").body(Map.of("currentPassword", "wrong-one", "newPassword", "brand-new-1"))
                .post("/api/me/password").then().statusCode(400).body("violations[0].field", equalTo("currentPassword"));
        as(username, username + "-pw").body(Map.of("currentPassword", username + "-pw", "newPassword", "brand-new-1"))
                .post("/api/me/password").then().statusCode(204);
        as(username, username + "-pw").get("/api/me").then().statusCode(401);
        as(username, "brand-new-1").get("/api/me").then().statusCode(200);
        admin().body(Map.of("fullName", "Test", "roles", List.of("MARKETER"), "version", 1, "password", "set-by-admin"))
                .put("/api/users/" + id).then().statusCode(200);
        as(username, "set-by-admin").get("/api/me").then().statusCode(200);
    }

    @Test
    void deletedUsersCannotLogInAndLeaveTheDefaultList() {
        String username = unique("del");
        long id = ((Number) createUser(username, List.of("SUPERVISOR"), null, null).get("id")).longValue();
        as(username, username + "-pw").get("/api/me").then().statusCode(200);
        admin().delete("/api/users/" + id).then().statusCode(204);
        as(username, username + "-pw").get("/api/me").then().statusCode(401).contentType(PROBLEM_JSON);
        admin().queryParam("q", username).get("/api/users").then().body("total", equalTo(0));
        admin().queryParam("q", username).queryParam("includeDeleted", true).get("/api/users")
                .then().body("items[0].deleted", equalTo(true));
        long adminId = admin().get("/api/me").jsonPath().getLong("id");
        admin().delete("/api/users/" + adminId).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void missingOrWrongCredentialsAre401AndWrongRoleIs403() {
        anonymous().get("/api/users").then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Basic"));
        // the browser UI's requests get no challenge, so the browser never opens its own password dialog
        as("admin", "not-the-password").header("X-Requested-With", "XMLHttpRequest").get("/api/me").then()
                .statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", nullValue());
        as("admin", "not-the-password").get("/api/me").then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Basic"));
        as("nobody-" + unique("x"), "whatever").get("/api/me").then().statusCode(401);
        String username = unique("op");
        createUser(username, List.of("OPERATOR"), freeExtension(), null);
        as(username, username + "-pw").get("/api/users").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("OPERATOR"));
        as(username, username + "-pw").body(Map.of("name", "Sneaky")).post("/api/clients").then().statusCode(403);
        as(username, username + "-pw").get("/api/audit?entity=User").then().statusCode(403);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        String username = unique("guess");
        createUser(username, List.of("MARKETER"), null, null);
        for (int i = 0; i < 5; i++) {
            as(username, "wrong-" + i).get("/api/me").then().statusCode(401);
        }
        Response locked = as(username, username + "-pw").get("/api/me");
        locked.then().statusCode(429).contentType(PROBLEM_JSON).header("Retry-After", notNullValue());
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        // another user is not affected
        admin().get("/api/me").then().statusCode(200);
    }
}
