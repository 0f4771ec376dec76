package org.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The browser holds a server-side session, never a password; the server's idle timeout and a temporary password. */
@ExtendWith(ArquillianExtension.class)
class UiSessionIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void signedOut() {
        Browser.assumeInstalled();
        browser.signedOutInEnglish();
    }

    @Test
    void theBrowserKeepsAnHttpOnlyCookieAndNoPasswordAndSigningOutEndsTheSessionOnTheServer() {
        String user = unique("uisess");
        createUser(user, List.of("SUPERVISOR"), null, null);
        browser.signInAs(user);

        // Path=/api: WebDriver's cookie list for "/" does not show it; the browser's cookie jar does
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jar = (List<Map<String, Object>>) driver
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        Map<String, Object> cookie = jar.stream().filter(c -> "SWITCHBOARD_SESSION".equals(c.get("name")))
                .findFirst().orElseThrow();
        assertThat(cookie).containsEntry("httpOnly", true).containsEntry("sameSite", "Strict")
                .containsEntry("path", "/api").containsEntry("secure", false).containsEntry("session", true);
        String token = (String) cookie.get("value");
        assertThat((String) driver.executeScript("return document.cookie")).doesNotContain("SWITCHBOARD_SESSION");
        assertThat(driver.executeScript("return sessionStorage.length + localStorage.length"))
                .as("only the language choice is stored").isEqualTo(1L);
        assertThat((String) driver.executeScript("return JSON.stringify(localStorage)")).doesNotContain(user + "-pw");

        // a reload keeps the session: the page asks /api/me for it
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        given().baseUri(Api.BASE).cookie("SWITCHBOARD_SESSION", token).get("/api/me").then().statusCode(200);

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        wait.until(d -> given().baseUri(Api.BASE).cookie("SWITCHBOARD_SESSION", token).get("/api/me")
                .statusCode() == 401);
        assertThat(browser.scriptErrors()).isEmpty();
    }

    @Test
    void aSessionIdleLongerThanTheServerAllowsReturnsToTheLoginScreen() {
        String user = unique("uiidle");
        createUser(user, List.of("SUPERVISOR"), null, null);
        browser.signInAs(user);
        int idle = admin().get("/api/settings").then().extract().jsonPath().getInt("sessionIdleMinutes");
        try {
            // the server's session clock runs ahead; the page's own clock does not, so only the server can end it
            SessionsIT.moveSessionsAhead((idle + 1) * 60L);
            // the next screen's requests find the session ended
            String current = (String) driver.executeScript("return location.hash");
            driver.findElements(By.cssSelector("header nav a")).stream()
                    .filter(a -> !a.getAttribute("href").endsWith(current)).findFirst().orElseThrow().click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message"))).getText())
                    .isEqualTo("Your session ended after inactivity. Please sign in again.");
        } finally {
            SessionsIT.moveSessionsAhead(0);
        }
        browser.signInAs(user);
        assertThat(driver.findElements(By.id("logout"))).hasSize(1);
    }

    @Test
    void aTemporaryPasswordLeadsToTheChangePasswordScreenFirst() {
        String user = unique("uitemp");
        Map<String, Object> body = new HashMap<>(Map.of("username", user, "password", "temporary-" + user,
                "fullName", "Temp " + user, "roles", List.of("SUPERVISOR"), "mustChangePassword", true));
        admin().body(body).post("/api/users").then().statusCode(201);
        browser.signIn(user, "temporary-" + user);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("change-password")));
        assertThat(driver.findElements(By.cssSelector("header nav"))).isEmpty();

        driver.findElement(By.id("current-password")).sendKeys("temporary-" + user);
        driver.findElement(By.id("new-password")).sendKeys("12345678");
        driver.findElement(By.id("repeat-password")).sendKeys("12345678", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-message"), "newPassword"));

        driver.findElement(By.id("new-password")).clear();
        driver.findElement(By.id("repeat-password")).clear();
        driver.findElement(By.id("new-password")).sendKeys("chosen-by-me-42");
        driver.findElement(By.id("repeat-password")).sendKeys("chosen-by-me-42", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header nav")));
        Api.as(user, "chosen-by-me-42").get("/api/me").then().statusCode(200);
        assertThat(browser.scriptErrors()).isEmpty();
    }
}
