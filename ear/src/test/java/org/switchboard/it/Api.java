package org.switchboard.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HTTP helpers for the black-box tests: who calls, and a few fixtures made through the API itself. */
public final class Api {

    public static final String BASE = System.getProperty("switchboard.url", "http://localhost:8080");
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-secret";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification as(String username, String password) {
        return given().baseUri(BASE).auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(BASE).contentType(ContentType.JSON);
    }

    /** A name no other test (or earlier run against the same database) has used. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user with the given roles; the password is the username followed by "-pw". */
    public static Map<String, Object> createUser(String username, List<String> roles, String extension, Long clientId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("password", username + "-pw");
        body.put("fullName", "Test " + username);
        body.put("roles", roles);
        body.put("extension", extension);
        body.put("clientId", clientId);
        Response response = admin().body(body).post("/api/users");
        response.then().statusCode(201);
        return response.jsonPath().getMap("$");
    }

    public static long createClient(String name) {
        return admin().body(Map.of("name", name)).post("/api/clients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Creates a campaign of a client and returns its code. */
    public static String createCampaign(long clientId, String type) {
        return createCampaign(clientId, type, List.of());
    }

    /** Creates a campaign of a client with the operators assigned to it (who may attribute work to it). */
    public static String createCampaign(long clientId, String type, List<String> operators) {
        String code = unique("C").toUpperCase();
        admin().body(Map.of("code", code, "name", "Campaign " + code, "type", type, "clientId", clientId,
                "operators", operators)).post("/api/campaigns").then().statusCode(201);
        return code;
    }

    /** A valid Russian mobile number no other test uses. */
    public static String freeMobile() {
        return "+7921" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
    }

    /** Creates a contact with one number and returns its id. */
    public static long createContact(String fullName, String number) {
        return admin().body(Map.of("fullName", fullName, "phones", List.of(Map.of("number", number))))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An extension (2-10 digits) unlikely to be taken by another test. */
    public static String freeExtension() {
        return String.valueOf(10_000_000 + new java.util.Random().nextInt(89_999_999));
    }
}
