package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.unique;

import io.restassured.http.ContentType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input of every kind answers 4xx application/problem+json that says what to fix; never a 500. */
@ExtendWith(ArquillianExtension.class)
class ErrorsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void malformedJson() {
        String body = admin().body("{\"username\": \"x\", ").post("/api/users").then().statusCode(400).extract().asString();
        assertThat(body).doesNotContain("at org.").doesNotContain("Exception").doesNotContain("RESTEASY");
        admin().body("{\"username\": \"x\", ").post("/api/users").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"))
                .body("instance", startsWith("urn:uuid:"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void wrongType() {
        admin().body("{\"username\":\"" + unique("t") + "\",\"password\":\"secret-123\",\"fullName\":\"X\","
                + "\"roles\":[\"MARKETER\"],\"clientId\":\"abc\"}").post("/api/users")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("clientId"))
                .body("violations[0].message", containsString("number"));
        admin().body("{\"username\":\"" + unique("t") + "\",\"password\":\"secret-123\",\"fullName\":\"X\","
                + "\"roles\":[\"PILOT\"]}").post("/api/users")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("roles[0]"))
                .body("violations[0].message", containsString("MARKETER"));
        admin().body("{\"username\":\"" + unique("t") + "\",\"password\":\"secret-123\",\"fullName\":42,"
                + "\"roles\":[\"MARKETER\"]}").post("/api/users")
                .then().statusCode(400).body("violations[0].field", equalTo("fullName"));
    }

    @Test
    void unknownField() {
        admin().body("{\"name\":\"" + unique("Client") + "\",\"colour\":\"red\"}").post("/api/clients")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("contactEmail"));
    }

    @Test
    void missingFieldsAreEachListed() {
        admin().body("{\"username\":\"" + unique("m") + "\",\"password\":\"secret-123\"}").post("/api/users")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("fullName"))
                .body("violations.field", hasItem("roles"));
        admin().body("").post("/api/clients").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathsMethodsAndMediaTypes() {
        admin().get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", containsString("/openapi"));
        admin().delete("/api/settings").then().statusCode(405).contentType(PROBLEM_JSON);
        admin().contentType(ContentType.TEXT).body("name=x").post("/api/clients").then().statusCode(415)
                .contentType(PROBLEM_JSON);
        admin().get("/api/users/not-a-number").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("instance", notNullValue());
    }

    @Test
    void queryParametersThatAreNotNumbersOrBooleansAre400sNamingThem() {
        admin().queryParam("campaign", "abc").get("/api/callbacks").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("campaign"));
        admin().queryParam("contactId", "x1").get("/api/calls").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("contactId"));
        String body = admin().queryParam("active", "maybe").get("/api/qa/scorecards").then().statusCode(400)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).contains("true or false");
    }
}
