package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chain of the PBX records, inside the server: a day of records imported over HTTP verifies OK; a stored call
 * changed with plain SQL through the application's own DataSource (what someone with database access could do)
 * makes verification name exactly that day; a deleted record is caught on its day too; the days around stay OK,
 * because each day is checked against the stored seal of the day before it. Runs in the container (the test class
 * is added to the real EAR's WAR) so that it reaches the DataSource without a test-only route.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrityVerifyIT {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String BASE = "http://127.0.0.1:8080";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.switchboard();
        WebArchive war = ear.getAsType(WebArchive.class, "web.war");
        war.addClasses(IntegrityVerifyIT.class);
        ear.delete("web.war");
        ear.addAsModule(war);
        return ear;
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", AUTH)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> importCsv(String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/calls/import/asterisk"))
                .header("Authorization", AUTH).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String line(String uniqueid, LocalDate day, String time, int billsec) {
        String start = day + " " + time;
        return "\"CHAIN\",\"101\",\"84951234567\",\"from-internal\",\"\"\"Op\"\" <101>\",\"PJSIP/101-0000001a\","
                + "\"PJSIP/trunk-0000001b\",\"Dial\",\"\",\"" + start + "\",\"" + day + " " + time.substring(0, 6) + "05\",\""
                + day + " " + time.substring(0, 3) + "59:00\",300," + billsec + ",\"ANSWERED\",\"DOCUMENTATION\",\""
                + uniqueid + "\",\"\"\n";
    }

    private static int execute(String sql, String identity) throws Exception {
        DataSource ds = (DataSource) new InitialContext().lookup("java:comp/DefaultDataSource");
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, identity);
            return s.executeUpdate();
        }
    }

    /** The statuses of the days in a verification's answer, in order: "date=STATUS". */
    private static List<String> statuses(String body) {
        List<String> days = new ArrayList<>();
        Matcher m = Pattern.compile("\"date\":\"([0-9-]+)\"[^}]*?\"status\":\"([A-Z]+)\"").matcher(body);
        while (m.find()) {
            days.add(m.group(1) + "=" + m.group(2));
        }
        return days;
    }

    @Test
    void aRecordChangedOrDeletedWithSqlShowsOnItsOwnDay() throws Exception {
        // three days no other test uses: the chain is shared by the whole database
        LocalDate day = LocalDate.of(2040, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 20_000L));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = line(run + ".1", day, "10:00:00", 60) + line(run + ".2", day, "11:00:00", 30)
                + line(run + ".3", day.plusDays(1), "10:00:00", 45) + line(run + ".4", day.plusDays(1), "12:00:00", 15)
                + line(run + ".5", day.plusDays(2), "09:00:00", 90);
        HttpResponse<String> imported = importCsv(csv);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"imported\":5"), imported.body());
        String range = "/api/integrity/verify?from=" + day + "&to=" + day.plusDays(2);

        HttpResponse<String> verified = get(range);
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"ok\":true"), verified.body());
        assertEquals(List.of(day + "=OK", day.plusDays(1) + "=OK", day.plusDays(2) + "=OK"), statuses(verified.body()));

        assertEquals(1, execute("UPDATE calls_call SET talk_seconds = talk_seconds + 100 WHERE identity = ?", run + ".3"));
        verified = get(range);
        assertTrue(verified.body().contains("\"ok\":false"), verified.body());
        assertEquals(List.of(day + "=OK", day.plusDays(1) + "=CHANGED", day.plusDays(2) + "=OK"), statuses(verified.body()));
        assertTrue(verified.body().contains("\"changedDays\":[\"" + day.plusDays(1) + "\"]"), verified.body());

        assertEquals(1, execute("DELETE FROM calls_call WHERE identity = ?", run + ".5"));
        verified = get(range);
        assertEquals(List.of(day + "=OK", day.plusDays(1) + "=CHANGED", day.plusDays(2) + "=CHANGED"),
                statuses(verified.body()));
        assertTrue(verified.body().contains("\"changedDays\":[\"" + day.plusDays(1) + "\",\"" + day.plusDays(2) + "\"]"),
                verified.body());

        // the seals and their history; core's tamper trail still answers beside them under the same prefix
        HttpResponse<String> days = get("/api/integrity/days?from=" + day + "&to=" + day.plusDays(2));
        assertEquals(200, days.statusCode(), days.body());
        assertTrue(days.body().contains("\"date\":\"" + day + "\""), days.body());
        assertTrue(days.body().contains("\"reason\":\"2 records imported\""), days.body());
        assertEquals(200, get("/api/integrity/changes?from=" + day + "&to=" + day).statusCode());

        // bad ranges are the caller's to fix
        assertEquals(400, get("/api/integrity/verify?from=" + day).statusCode());
        assertEquals(400, get("/api/integrity/verify?from=" + day + "&to=" + day.plusDays(366)).statusCode());
        assertEquals(400, get("/api/integrity/verify?from=" + day + "&to=" + day.minusDays(1)).statusCode());
        assertEquals(400, get("/api/integrity/verify?from=yesterday&to=" + day).statusCode());
        assertEquals(200, get("/api/integrity/verify?from=" + day + "&to=" + day.plusDays(365)).statusCode());
    }
}
