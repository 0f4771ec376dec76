package org.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away during an import and during normal use, and comes back (the local cluster is stopped and
 * started with {@code pg_ctlcluster}, as {@code .ci/run} starts it): readiness reports DOWN then UP; requests meanwhile
 * get a 503 problem with no driver message, the login included; the import either completes or answers 503 saying how
 * many records it stored; posting the file again completes it exactly, and the report holds what the calls hold.
 * Runs only on PostgreSQL (profile postgresql); on H2 there is no database server to stop.
 */
@ExtendWith(ArquillianExtension.class)
class OutageIT {

    private static final DateTimeFormatter PBX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String MANAGEMENT = "http://localhost:9990";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static boolean onPostgresql() {
        return System.getProperty("it.jvm.args", "").contains("-Dswitchboard.db=postgresql");
    }

    /** The local cluster, as {@code pg_ctlcluster} names it: version (the only one under /etc/postgresql) and main. */
    private static void cluster(String action) throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Process process = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pg_ctlcluster " + action + ": " + output).isZero();
    }

    private static Response ready() {
        return given().baseUri(MANAGEMENT).get("/health/ready");
    }

    private static void awaitReadiness(int status) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (ready().statusCode() == status) {
                return;
            }
            Thread.sleep(1000);
        }
        assertThat(ready().statusCode()).as("readiness").isEqualTo(status);
    }

    private static void assertUnavailable(Response r) {
        r.then().statusCode(503).contentType(Api.PROBLEM_JSON).body("status", equalTo(503))
                .body("title", equalTo("Database unavailable"));
        String body = r.asString();
        assertThat(body).doesNotContain("PSQLException", "org.postgresql", "IJ0", "Exception", "at org.");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void postgresqlStoppedDuringAnImportAndUseThenStartedAgain() throws Exception {
        Assumptions.assumeTrue(onPostgresql(), "needs the PostgreSQL profile: there is a database server to stop");
        long client = createClient(unique("Outage Client"));
        String campaign = Api.createCampaign(client, "OUTBOUND");
        String operator = unique("outop");
        String extension = freeExtension();
        createUser(operator, List.of("OPERATOR"), extension, null);
        ready().then().statusCode(200).body("status", equalTo("UP"));

        // a CDR file big enough that the import is still running when the database stops
        int lines = 20_000;
        StringBuilder file = new StringBuilder(lines * 200);
        LocalDateTime start = LocalDateTime.of(2026, 11, 2, 8, 0);
        String prefix = "outage" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < lines; i++) {
            LocalDateTime at = start.plusSeconds(i * 2L);
            int billsec = i % 4 == 0 ? 0 : 20 + i % 300;
            file.append(cdr(campaign, extension, "7921" + (1_000_000 + i % 8_000_000), at, billsec, prefix + "." + i))
                    .append('\n');
        }
        byte[] upload = file.toString().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> admin().contentType("text/csv")
                .body(upload).post("/api/calls/import/asterisk"));
        // wait for the first chunks to be committed, then take the database away under the import
        for (int i = 0; i < 600 && !importing.isDone() && calls(operator) == 0; i++) {
            Thread.sleep(100);
        }
        cluster("stop");
        try {
            awaitReadiness(503);
            ready().then().body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
            // the login needs the database too: a 503 problem, not a 500 nor a 401
            assertUnavailable(admin().get("/api/me"));
            assertUnavailable(admin().queryParam("operator", operator).get("/api/calls"));
            assertUnavailable(admin().body(Map.of("fullName", "Written During Outage",
                    "phones", List.of(Map.of("number", Api.freeMobile())))).post("/api/contacts"));
            Response during = importing.get(10, TimeUnit.MINUTES);
            if (during.statusCode() == 503) {
                assertUnavailable(during);
                assertThat(during.jsonPath().getString("detail")).contains("were stored and stay stored")
                        .contains("Post the same file again");
            } else {
                during.then().statusCode(200).body("imported", equalTo(lines));
            }
            Thread.sleep(5000); // down for a while: requests keep getting 503, none hangs
            assertUnavailable(admin().get("/api/me"));
        } finally {
            cluster("start");
        }
        awaitReadiness(200);
        ready().then().body("status", equalTo("UP"));
        admin().get("/api/me").then().statusCode(200);

        // the retry completes the import exactly, and nothing of a chunk is half there
        int before = calls(operator);
        JsonPath retry = admin().contentType("text/csv").body(upload).post("/api/calls/import/asterisk").then()
                .statusCode(200).extract().jsonPath();
        assertThat(retry.getInt("imported") + retry.getInt("duplicates")).isEqualTo(lines);
        assertThat(retry.getInt("duplicates")).as("records stored before the outage").isEqualTo(before);
        assertThat(calls(operator)).isEqualTo(lines);
        JsonPath totals = admin().queryParam("from", "2026-11-02").queryParam("to", "2026-11-06")
                .queryParam("operator", operator).get("/api/reports/operator-days/totals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(totals.getInt("operators[0].calls")).as("calls in the report").isEqualTo(lines);
        assertThat(totals.getInt("operators[0].answered")).isEqualTo(lines - lines / 4);

        // and normal use goes on
        admin().body(Map.of("fullName", "Written After Outage", "phones", List.of(Map.of("number", Api.freeMobile()))))
                .post("/api/contacts").then().statusCode(201);
    }

    @Test
    void anAsyncContactImportCutOffByTheOutageIsFailedWithItsRowsAndARetryCompletesIt() throws Exception {
        Assumptions.assumeTrue(onPostgresql(), "needs the PostgreSQL profile: there is a database server to stop");
        ready().then().statusCode(200);
        String tag = unique("outage");
        int rows = 20_000;
        StringBuilder csv = new StringBuilder("name,phone,tags\n");
        int base = 1_000_000 + new java.util.Random().nextInt(8_000_000);
        for (int i = 0; i < rows; i++) {
            csv.append("Outage Contact ").append(i).append(",+7923").append(base + i).append(',').append(tag).append('\n');
        }
        byte[] upload = csv.toString().getBytes(StandardCharsets.UTF_8);
        long job = admin().contentType("text/csv").body(upload).post("/api/contacts/import?async=true").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        for (int i = 0; i < 600 && tagged(tag) == 0; i++) {
            Thread.sleep(100);
        }
        cluster("stop");
        try {
            awaitReadiness(503);
            assertUnavailable(admin().get("/api/imports/" + job));
            Thread.sleep(3000);
        } finally {
            cluster("start");
        }
        awaitReadiness(200);
        JsonPath report = null;
        for (int i = 0; i < 120; i++) {
            report = admin().get("/api/imports/" + job).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(report.getString("status"))) {
                break;
            }
            Thread.sleep(1000);
        }
        long stored = tagged(tag);
        assertThat(report.getString("status")).as(report.prettify()).isIn("FAILED", "DONE");
        assertThat(report.getLong("imported")).as("rows the job says it stored").isEqualTo(stored);
        if (report.getString("status").equals("FAILED")) {
            assertThat(report.getString("message")).contains("the database went away during the import")
                    .contains(stored + " rows were stored").contains("Post the same file again");
            assertThat(report.getList("rejected")).as("no good row reported as rejected").isEmpty();
        }
        JsonPath again = admin().contentType("text/csv").body(upload).post("/api/contacts/import").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getString("status")).isEqualTo("DONE");
        assertThat(again.getLong("imported")).isEqualTo(rows - stored);
        assertThat(again.getLong("duplicates")).isEqualTo(stored);
        assertThat(tagged(tag)).isEqualTo(rows);
    }

    private static long tagged(String tag) {
        Response r = admin().queryParam("tag", tag).queryParam("size", 1).get("/api/contacts");
        return r.statusCode() == 200 ? r.jsonPath().getLong("total") : 0;
    }

    private static int calls(String operator) {
        Response r = admin().queryParam("operator", operator).queryParam("size", 1).get("/api/calls");
        return r.statusCode() == 200 ? r.jsonPath().getInt("total") : 0;
    }

    private static String cdr(String accountcode, String extension, String dst, LocalDateTime start, int billsec,
            String uniqueid) {
        int ring = 5;
        LocalDateTime answer = billsec > 0 ? start.plusSeconds(ring) : null;
        LocalDateTime end = start.plusSeconds(ring + billsec);
        List<String> f = new ArrayList<>(List.of(q(accountcode), q(extension), q(dst), q("from-internal"), q(""),
                q("PJSIP/" + extension + "-" + uniqueid), q("PJSIP/trunk-" + uniqueid), q("Dial"),
                q("PJSIP/" + dst + "@trunk,60"), q(start.format(PBX)), q(answer == null ? "" : answer.format(PBX)),
                q(end.format(PBX)), String.valueOf(ring + billsec), String.valueOf(billsec),
                q(billsec > 0 ? "ANSWERED" : "NO ANSWER"), q("DOCUMENTATION"), q(uniqueid), q("")));
        return String.join(",", f);
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
