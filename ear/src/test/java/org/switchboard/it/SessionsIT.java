package org.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.unique;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Browser sessions over HTTP as a browser would use them: the cookie's flags, the CSRF token on every change, sign
 * out and the idle timeout enforced by the server; the login throttle that cannot be turned against a user; the
 * security headers; and the temporary password that must be changed first.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    private static final String COOKIE = "SWITCHBOARD_SESSION";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static Response signIn(String username, String password) {
        return given().baseUri(Api.BASE).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/session");
    }

    private static RequestSpecification withCookie(String session) {
        return given().baseUri(Api.BASE).contentType(ContentType.JSON).cookie(COOKIE, session);
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndEveryChangeNeedsTheCsrfToken() {
        String user = unique("sess");
        createUser(user, List.of("MARKETER"), null, null);

        Response wrong = signIn(user, "not-the-password");
        wrong.then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", nullValue());

        Response signed = signIn(user, user + "-pw");
        signed.then().statusCode(200).body("username", equalTo(user)).body("mustChangePassword", equalTo(false));
        String setCookie = signed.header("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=").contains("; HttpOnly", "; SameSite=Strict", "; Path=/api")
                .doesNotContain("Secure", "Max-Age", "Expires");
        String session = signed.cookie(COOKIE);
        String csrf = signed.jsonPath().getString("csrfToken");
        assertThat(session).hasSizeGreaterThan(40);
        assertThat(csrf).hasSizeGreaterThan(40).isNotEqualTo(session);

        withCookie(session).get("/api/me").then().statusCode(200).body("username", equalTo(user))
                .body("csrfToken", equalTo(csrf)).body("demo", equalTo(false));

        // a change without the token, or with a wrong one, is refused and changes nothing
        Map<String, String> change = Map.of("currentPassword", user + "-pw", "newPassword", "a-new-secret-1");
        withCookie(session).body(change).post("/api/me/password").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("X-CSRF-Token"));
        withCookie(session).header("X-CSRF-Token", csrf + "x").body(change).post("/api/me/password").then()
                .statusCode(403);
        as(user, user + "-pw").get("/api/me").then().statusCode(200);
        // the token goes with the session: another session's token does not fit
        String otherCsrf = signIn(user, user + "-pw").jsonPath().getString("csrfToken");
        withCookie(session).header("X-CSRF-Token", otherCsrf).body(change).post("/api/me/password").then()
                .statusCode(403);

        withCookie(session).header("X-CSRF-Token", csrf).body(change).post("/api/me/password").then().statusCode(204);
        as(user, "a-new-secret-1").get("/api/me").then().statusCode(200);
        // the session that changed the password stays
        withCookie(session).get("/api/me").then()
                .statusCode(200);

        // signing out ends the session on the server; the old cookie is worth nothing
        Response out = withCookie(session).header("X-CSRF-Token", csrf).delete("/api/session");
        out.then().statusCode(204);
        assertThat(out.header("Set-Cookie")).contains(COOKIE + "=;", "Max-Age=0");
        withCookie(session).get("/api/me").then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", nullValue()).body("detail", containsString("session has ended"));
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        String user = unique("sess2");
        createUser(user, List.of("MARKETER"), null, null);
        String other = signIn(user, user + "-pw").cookie(COOKIE);
        Response current = signIn(user, user + "-pw");
        withCookie(current.cookie(COOKIE)).header("X-CSRF-Token", current.jsonPath().getString("csrfToken"))
                .body(Map.of("currentPassword", user + "-pw", "newPassword", "another-secret-2"))
                .post("/api/me/password").then().statusCode(204);
        withCookie(other).get("/api/me").then().statusCode(401);
        withCookie(current.cookie(COOKIE)).get("/api/me").then().statusCode(200);
    }

    @Test
    void theServerEndsASessionIdleLongerThanTheSettingsAllow() {
        String user = unique("sessidle");
        createUser(user, List.of("MARKETER"), null, null);
        int idle = admin().get("/api/settings").then().statusCode(200).extract().jsonPath().getInt("sessionIdleMinutes");
        String active = signIn(user, user + "-pw").cookie(COOKIE);
        String forgotten = signIn(user, user + "-pw").cookie(COOKIE);
        try {
            moveSessionsAhead((idle - 1) * 60L);
            // used a minute before the timeout
            withCookie(active).get("/api/me").then()
                    .statusCode(200);
            moveSessionsAhead((idle + 1) * 60L);
            // used two minutes ago
            withCookie(active).get("/api/me").then()
                    .statusCode(200);
            // idle for longer than allowed
            withCookie(forgotten).get("/api/me").then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON);
            moveSessionsAhead(0);
            // an ended session is gone for good
            withCookie(forgotten).get("/api/me").then()
                    .statusCode(401);
        } finally {
            moveSessionsAhead(0);
        }
    }

    static void moveSessionsAhead(long seconds) {
        admin().body(Map.of("seconds", seconds)).put("/api/system/clock/sessions").then().statusCode(200);
    }

    @Test
    void anAttackerOnOneAddressCannotLockTheUserOutOfAnother() throws IOException {
        String user = unique("victim");
        createUser(user, List.of("MARKETER"), null, null);
        // the attacker connects from 127.0.0.2, the user from 127.0.0.1 (the server listens on 127.0.0.1)
        for (int i = 0; i < 6; i++) {
            assertThat(statusFrom("127.0.0.2", user, "guess-" + i)).isIn(401, 429);
        }
        assertThat(statusFrom("127.0.0.2", user, user + "-pw")).as("the attacker's address is throttled").isEqualTo(429);
        // the user elsewhere is not
        as(user, user + "-pw").get("/api/me").then()
                .statusCode(200);
        signIn(user, user + "-pw").then().statusCode(200);
        // X-Forwarded-For is not believed by default: the attacker cannot pretend to be another address
        assertThat(statusFrom("127.0.0.2", user, user + "-pw", "X-Forwarded-For: 198.51.100.9")).isEqualTo(429);
    }

    /** A GET /api/me with Basic credentials from a chosen local address, raw, for the throttle's view of it. */
    private static int statusFrom(String localAddress, String user, String password, String... extraHeaders)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), 8080,
                InetAddress.getByName(localAddress), 0)) {
            StringBuilder request = new StringBuilder("GET /api/me HTTP/1.1\r\nHost: localhost:8080\r\n")
                    .append("Authorization: Basic ").append(Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Response api = admin().get("/api/me");
        api.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        Response page = given().baseUri(Api.BASE).get("/index.html");
        page.then().statusCode(200).header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        given().baseUri(Api.BASE).get("/js/app.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        // a browser tab is never challenged, so it never keeps Basic credentials
        given().baseUri(Api.BASE).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get("/api/users")
                .then().statusCode(401).header("WWW-Authenticate", nullValue());
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        String user = unique("temp");
        Map<String, Object> body = new HashMap<>(Map.of("username", user, "password", "temporary-" + user,
                "fullName", "Temporary " + user, "roles", List.of("SUPERVISOR"), "mustChangePassword", true));
        admin().body(body).post("/api/users").then().statusCode(201).body("mustChangePassword", equalTo(true));

        as(user, "temporary-" + user).get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        as(user, "temporary-" + user).get("/api/contacts").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("Change your password first"));
        as(user, "temporary-" + user).body(Map.of("currentPassword", "temporary-" + user, "newPassword", "password"))
                .post("/api/me/password").then().statusCode(400).body("violations.field", hasItem("newPassword"));
        as(user, "temporary-" + user).body(Map.of("currentPassword", "temporary-" + user,
                "newPassword", "temporary-" + user)).post("/api/me/password").then().statusCode(400);

        Response session = signIn(user, "temporary-" + user);
        session.then().statusCode(200).body("mustChangePassword", equalTo(true));
        withCookie(session.cookie(COOKIE)).header("X-CSRF-Token", session.jsonPath().getString("csrfToken"))
                .body(Map.of("currentPassword", "temporary-" + user, "newPassword", "my-own-secret-7"))
                .post("/api/me/password").then().statusCode(204);
        as(user, "my-own-secret-7").get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(false));
        as(user, "my-own-secret-7").get("/api/contacts").then().statusCode(200);
    }

    @Test
    void adminsMayNotSetAWeakPassword() {
        admin().body(Map.of("username", unique("weak"), "password", "12345678", "fullName", "Weak",
                "roles", List.of("MARKETER"))).post("/api/users").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("password"));
    }
}
