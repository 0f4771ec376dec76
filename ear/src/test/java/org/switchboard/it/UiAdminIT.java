package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration screens in a real Chromium: an ADMIN creates a client and a user with roles (the API confirms
 * both; refusals show next to their fields; names are shown as text), edits the user, changes settings; other roles
 * have no administration; the session ends after the inactivity the settings name. Skipped without the browser.
 */
@ExtendWith(ArquillianExtension.class)
class UiAdminIT extends BrowserTest {

    private static final String XSS = "<script>alert(1)</script>";


    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void signedOut() {
        Browser.assumeInstalled();
        browser.signedOutInEnglish();
    }

    private void signInAsAdmin() {
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    private List<String> navigationKeys() {
        return driver.findElements(By.cssSelector("header nav a")).stream().map(a -> a.getAttribute("data-key")).toList();
    }

    private void open(String key) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header nav a[data-key='" + key + "']"))).click();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anAdminCreatesAClientAndAUserWithRolesThenEditsTheUser() throws IOException {
        signInAsAdmin();
        assertThat(navigationKeys()).contains("admin.users", "admin.clients", "admin.settings", "admin.audit");

        // a client, named with markup that must show as text
        open("admin.clients");
        String clientName = unique("UI Admin " + XSS);
        type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-name"))), clientName);
        type(driver.findElement(By.id("client-email")), "boss@example.com");
        driver.findElement(By.id("client-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-done"))).getText())
                .isEqualTo("Created " + clientName + ".");
        WebElement clientRow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[@id='clients-table']//th[normalize-space()='" + clientName + "']/..")));
        assertThat(clientRow.getText()).contains("boss@example.com", "Active");
        assertThat(driver.findElements(By.cssSelector("#main script"))).isEmpty();
        JsonPath clients = admin().queryParam("q", clientName).get("/api/clients").then().statusCode(200).extract().jsonPath();
        assertThat(clients.getList("items")).hasSize(1);
        long clientId = clients.getLong("items[0].id");
        assertThat(clients.getString("items[0].contactEmail")).isEqualTo("boss@example.com");
        // the same name again: the conflict's detail is shown
        type(driver.findElement(By.id("client-name")), clientName);
        driver.findElement(By.id("client-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#client-message .problem")))
                .getText()).contains("exists");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", clientRow);
        browser.screenshot("admin-clients");

        // a user: a too-short password is refused next to its field, then the user is created
        open("admin.users");
        String username = unique("uiadm");
        type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-username"))), username);
        type(driver.findElement(By.id("user-password")), "short");
        type(driver.findElement(By.id("user-fullName")), "Client Reader");
        driver.findElement(By.id("user-role-CLIENT")).click();
        new Select(driver.findElement(By.id("user-client"))).selectByVisibleText(clientName);
        driver.findElement(By.id("user-submit")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-form .field-error")));
        assertThat(error.getText()).contains("password", "8-200 characters");
        assertThat(driver.findElement(By.id("user-password")).getAttribute("aria-invalid")).isEqualTo("true");
        type(driver.findElement(By.id("user-password")), username + "-pw");
        driver.findElement(By.id("user-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-done"))).getText())
                .isEqualTo("Created " + username + ".");
        JsonPath created = admin().queryParam("q", username).get("/api/users").then().statusCode(200).extract().jsonPath();
        assertThat(created.getList("items[0].roles")).containsExactly("CLIENT");
        assertThat(created.getLong("items[0].clientId")).isEqualTo(clientId);
        assertThat(created.getBoolean("items[0].enabled")).isTrue();
        as(username, username + "-pw").get("/api/me").then().statusCode(200);

        // edit: find the user, give them a team, switch them off; a staff role next to CLIENT is refused
        type(driver.findElement(By.id("users-q")), username);
        driver.findElement(By.id("users-show")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#users-table tr[data-username='" + username + "']")));
        assertThat(row.getText()).contains("Client Reader", "CLIENT", clientName, "Enabled");
        driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("admin-users");
        row.findElement(By.cssSelector("button.user-edit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("user-form"), "data-mode", "edit"));
        type(driver.findElement(By.id("user-team")), "Auditors");
        driver.findElement(By.id("user-role-MARKETER")).click();
        driver.findElement(By.id("user-enabled")).click();
        driver.findElement(By.id("user-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-form .field-error")))
                .getText()).contains("roles", "CLIENT cannot be combined");
        driver.findElement(By.id("user-role-MARKETER")).click();
        driver.findElement(By.id("user-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-done"))).getText())
                .isEqualTo("Saved " + username + ".");
        JsonPath edited = admin().queryParam("q", username).get("/api/users").then().statusCode(200).extract().jsonPath();
        assertThat(edited.getList("items[0].roles")).containsExactly("CLIENT");
        assertThat(edited.getString("items[0].team")).isEqualTo("Auditors");
        assertThat(edited.getBoolean("items[0].enabled")).isFalse();
        as(username, username + "-pw").get("/api/me").then().statusCode(401);

        // the audit trail shows the change of that user
        open("admin.audit");
        WebElement audit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-table")));
        assertThat(audit.getText()).contains("changed", "Auditors");
    }

    @Test
    void anAdminChangesSettingsAndARefusalShowsAtTheField() throws IOException {
        Map<String, Object> original = admin().get("/api/settings").then().statusCode(200).extract().jsonPath().getMap("$");
        try {
            signInAsAdmin();
            open("admin.settings");
            WebElement minTalk = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-minTalkSeconds")));
            assertThat(driver.findElement(By.id("settings-sessionIdleMinutes")).getAttribute("value"))
                    .isEqualTo(String.valueOf(original.get("sessionIdleMinutes")));
            // a long call no longer than a counted one: refused, at the field the server names
            WebElement longCall = driver.findElement(By.id("settings-longCallSeconds"));
            type(longCall, "10");
            driver.findElement(By.id("settings-save")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#settings-form .field-error")));
            assertThat(error.getText()).contains("longCallSeconds");
            assertThat(longCall.getAttribute("aria-invalid")).isEqualTo("true");

            type(longCall, "1500");
            type(minTalk, "25");
            type(driver.findElement(By.id("settings-sessionIdleMinutes")), "45");
            driver.findElement(By.id("settings-save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-saved")));
            browser.screenshot("admin-settings");
            JsonPath stored = admin().get("/api/settings").then().statusCode(200).extract().jsonPath();
            assertThat(stored.getInt("minTalkSeconds")).isEqualTo(25);
            assertThat(stored.getInt("longCallSeconds")).isEqualTo(1500);
            assertThat(stored.getInt("sessionIdleMinutes")).isEqualTo(45);
            assertThat(stored.getString("timeZone")).isEqualTo(original.get("timeZone"));
        } finally {
            restore(original);
        }
    }

    @Test
    void anAdminSetsTheQaSampleAndTheDigestWithItsRecipientsPerClient() throws IOException {
        long client = createClient(unique("UI Digest Client"));
        Map<String, Object> original = admin().get("/api/reports/settings").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        try {
            signInAsAdmin();
            open("admin.settings");
            WebElement size = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rs-qaSampleSize")));
            assertThat(size.getAttribute("value")).isEqualTo(String.valueOf(original.get("qaSampleSize")));
            WebElement box = driver.findElement(By.id("rs-recipients-" + client));
            // a wrong address is refused and shown at its client's box, as the address and the reason
            type(box, "boss@example.com\nnot-an-address");
            driver.findElement(By.id("rs-save")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#reporting-settings-form .field-error")));
            assertThat(error.getText()).startsWith("not-an-address: is not an e-mail address");
            assertThat(box.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(admin().get("/api/reports/settings").then().extract().jsonPath().getList("recipients.clientId"))
                    .doesNotContain((int) client);

            type(box, "boss@example.com, OPS@example.com");
            type(size, "4");
            WebElement time = driver.findElement(By.id("rs-digestTime"));
            driver.executeScript("arguments[0].value = '07:30';", time);
            driver.findElement(By.id("rs-save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rs-saved")));
            browser.screenshot("admin-report-settings");
            JsonPath stored = admin().get("/api/reports/settings").then().statusCode(200).extract().jsonPath();
            assertThat(stored.getInt("qaSampleSize")).isEqualTo(4);
            assertThat(stored.getString("digestTime")).isEqualTo("07:30");
            assertThat(stored.getList("recipients.find { it.clientId == " + client + " }.emails"))
                    .containsExactlyInAnyOrder("boss@example.com", "ops@example.com");
        } finally {
            Map<String, Object> body = new HashMap<>(original);
            body.put("version", admin().get("/api/reports/settings").then().extract().jsonPath().getLong("version"));
            admin().body(body).put("/api/reports/settings").then().statusCode(200);
        }
    }

    private static void restore(Map<String, Object> original) {
        Map<String, Object> body = new HashMap<>(original);
        body.put("version", admin().get("/api/settings").then().extract().jsonPath().getLong("version"));
        admin().body(body).put("/api/settings").then().statusCode(200);
    }

    @Test
    void otherRolesHaveNoAdministration() {
        String operator = unique("uiadmop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String clientUser = unique("uiadmcl");
        createUser(clientUser, List.of("CLIENT"), null, createClient(unique("UI Admin Other")));

        browser.signInAs(operator);
        assertThat(navigationKeys()).isNotEmpty().noneMatch(k -> k.startsWith("admin."));
        // typing the address does not open it either: the shell goes to the user's first screen
        driver.executeScript("location.hash = '#/admin/users';");
        wait.until(d -> !String.valueOf(d.getCurrentUrl()).endsWith("#/admin/users"));
        assertThat(driver.findElements(By.cssSelector("#user-form, #users-table"))).isEmpty();
        as(operator, operator + "-pw").get("/api/users").then().statusCode(403);
        as(operator, operator + "-pw").body(Map.of("name", unique("nope"))).post("/api/clients").then().statusCode(403);
        driver.findElement(By.id("logout")).click();

        browser.signInAs(clientUser);
        assertThat(navigationKeys()).noneMatch(k -> k.startsWith("admin."));
        as(clientUser, clientUser + "-pw").get("/api/users").then().statusCode(403);
        as(clientUser, clientUser + "-pw").get("/api/audit?entity=User").then().statusCode(403);
    }

    @Test
    void theSessionEndsAfterTheInactivityTheSettingsName() {
        Map<String, Object> original = admin().get("/api/settings").then().statusCode(200).extract().jsonPath().getMap("$");
        try {
            Map<String, Object> shorter = new HashMap<>(original);
            shorter.put("sessionIdleMinutes", 5);
            admin().body(shorter).put("/api/settings").then().statusCode(200);
            String operator = unique("uiadmidle");
            createUser(operator, List.of("OPERATOR"), freeExtension(), null);
            browser.signInAs(operator);
            // six idle minutes pass (the page's clock is moved on): more than the setting's 5, less than the default 30
            driver.executeScript("const real = Date.now; Date.now = () => real() + 6 * 60_000;");
            // the next request (no key press or click: a script changes the screen) finds the session ended
            driver.executeScript("location.hash = '#/callbacks';");
            WebElement message = new WebDriverWait(driver, Duration.ofSeconds(25))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message")));
            assertThat(message.getText()).isEqualTo("Your session ended after inactivity. Please sign in again.");
            assertThat(driver.executeScript("return sessionStorage.getItem('switchboard.credentials')")).isNull();
        } finally {
            restore(original);
        }
    }
}
