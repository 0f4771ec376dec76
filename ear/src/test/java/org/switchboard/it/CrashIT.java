package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code kill -9} of the real server, then a restart on the same data: every write the server acknowledged is there,
 * nothing is half there, and an import cut off in the middle is completed exactly by posting its file again.
 *
 * Not an Arquillian test: it runs its own copy of the provisioned server as a separate process (ports +200, so it
 * can run beside the Arquillian server), with its own base directory and its own database — H2 files under
 * {@code target/crash-data}, or on PostgreSQL (the suite's {@code -Ppostgresql}) a database {@code <the suite's>_crash}
 * it creates and drops. The kill is {@link ProcessHandle#destroyForcibly()} on the server's JVM itself (SIGKILL), not
 * on the {@code standalone.sh} that launched it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final int PORT_OFFSET = 200;
    private static final String BASE = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
    private static final String READY = "http://127.0.0.1:" + (9990 + PORT_OFFSET) + "/health/ready";
    private static final String ADMIN_PASSWORD = "it-admin-secret";
    private static final Duration BOOT = Duration.ofMinutes(5);
    private static final int CDR_LINES = 20_000;
    private static final int CONTACT_ROWS = 5_000;
    /** Rows a CDR import commits at a time (CallRecords.CHUNK), and a spreadsheet import (Imports.CHUNK). */
    private static final int CDR_CHUNK = 1000;
    private static final int IMPORT_CHUNK = 500;
    /** Every this-many-th line of a file repeats an earlier one: the totals must count distinct lines. */
    private static final int REPEAT_EVERY = 97;
    /** The days the CDR files fill (call-centre days, Europe/Moscow by default, as the PBX's clock). */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 5;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new Server();
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.kill();
            server.database.drop();
        }
    }

    @Test
    @Order(1)
    void everyCallOfAnAcknowledgedImportIsThereAfterAKillRightAfterTheAnswer() throws Exception {
        String operator = operator();
        String run = run();
        String file = cdrFile(extensionOf(operator), run, 0);
        long distinct = file.lines().distinct().count();

        HttpResponse<String> answer = post("/api/calls/import/asterisk", "text/csv", file, admin());
        server.kill();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonPath report = json(answer);
        assertThat(report.getLong("imported")).isEqualTo(distinct);
        assertThat(report.getLong("duplicates")).isEqualTo(CDR_LINES - distinct);

        server.start();
        assertThat(callsOf(operator)).as("calls stored after the restart").isEqualTo(distinct);
        assertCallsWhole(operator, distinct);
    }

    @Test
    @Order(2)
    void aCdrImportKilledInTheMiddleIsWholeChunksOnlyAndPostingItAgainCompletesIt() throws Exception {
        String operator = operator();
        String run = run();
        String file = cdrFile(extensionOf(operator), run, 1);
        long distinct = file.lines().distinct().count();

        ExecutorService poster = Executors.newSingleThreadExecutor();
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                () -> postQuietly("/api/calls/import/asterisk", "text/csv", file, admin()), poster);
        // a chunk is visible to others a moment before it is on disk (H2 writes it as its commit returns), but once
        // the next chunk is visible the commit of the one before has returned: all but the last chunk seen must stay
        AtomicLong seen = new AtomicLong();
        awaitOrFail(() -> seen.updateAndGet(s -> callsOf(operator)) >= 3 * CDR_CHUNK, Duration.ofMinutes(3),
                "the import to commit three chunks");
        server.kill();
        HttpResponse<String> cutOff = answer.handle((r, e) -> r).get(1, TimeUnit.MINUTES);
        poster.shutdown();
        assertThat(cutOff == null || cutOff.statusCode() != 200)
                .as("the import was killed before it answered (otherwise this test proves nothing new)").isTrue();

        server.start();
        long stored = callsOf(operator);
        assertThat(stored).as("calls of the cut-off import (" + seen.get() + " were seen before the kill)")
                .isGreaterThanOrEqualTo(seen.get() - CDR_CHUNK).isLessThan(distinct);
        assertCallsWhole(operator, stored);

        HttpResponse<String> again = post("/api/calls/import/asterisk", "text/csv", file, admin());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).getLong("imported")).isEqualTo(distinct - stored);
        assertThat(json(again).getLong("duplicates")).isEqualTo(CDR_LINES - (distinct - stored));
        assertThat(callsOf(operator)).isEqualTo(distinct);
        assertCallsWhole(operator, distinct);
    }

    @Test
    @Order(3)
    void anAsyncContactImportKilledInTheMiddleIsFailedWithItsRowsAndPostingItAgainCompletesIt() throws Exception {
        String tag = "crash-" + run();
        StringBuilder csv = new StringBuilder("name,phone,tags\n");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < CONTACT_ROWS; i++) {
            rows.add(i > 0 && i % REPEAT_EVERY == 0 ? rows.get(i / 2)
                    : "Crash Contact " + i + ",+7922" + (1_000_000 + i) + "," + tag);
        }
        rows.forEach(r -> csv.append(r).append('\n'));
        long distinct = new LinkedHashSet<>(rows).size();

        HttpResponse<String> accepted = post("/api/contacts/import?async=true", "text/csv", csv.toString(), admin());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long job = json(accepted).getLong("id");
        AtomicLong seen = new AtomicLong();
        awaitOrFail(() -> seen.updateAndGet(s -> imported(job)) >= 2 * IMPORT_CHUNK, Duration.ofMinutes(3),
                "the import to commit two chunks");
        server.kill();

        server.start();
        JsonPath failed = json(get("/api/imports/" + job, admin()));
        long stored = contactsTagged(tag);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("finishedAt")).isNotNull();
        assertThat(stored).as("contacts of the cut-off import (" + seen.get() + " were seen before the kill)")
                .isGreaterThanOrEqualTo(seen.get() - IMPORT_CHUNK).isLessThan(distinct);
        assertThat(failed.getLong("imported") + failed.getLong("updated")).isEqualTo(stored);
        assertThat(failed.getString("message")).startsWith("The server stopped while this import was running; "
                + stored + " rows were stored").contains("Post the same file again");

        HttpResponse<String> again = post("/api/contacts/import", "text/csv", csv.toString(), admin());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonPath report = json(again);
        assertThat(report.getString("status")).isEqualTo("DONE");
        assertThat(report.getLong("imported")).isEqualTo(distinct - stored);
        assertThat(report.getLong("updated")).isZero();
        assertThat(report.getLong("duplicates")).isEqualTo(CONTACT_ROWS - (distinct - stored));
        assertThat(contactsTagged(tag)).isEqualTo(distinct);
    }

    @Test
    @Order(4)
    void everyInboundCallAcknowledgedBeforeAKillIsThereWithItsLead() throws Exception {
        List<String> operators = List.of(operator(), operator(), operator(), operator());
        String campaign = campaign(operators);
        ConcurrentLinkedQueue<Logged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> streams = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(operators.size());
        for (int t = 0; t < operators.size(); t++) {
            int thread = t;
            streams.add(CompletableFuture.runAsync(() -> logInbound(operators.get(thread), campaign, thread, stop,
                    acknowledged), threads));
        }
        awaitOrFail(() -> acknowledged.size() >= 200, Duration.ofMinutes(3), "200 inbound calls to be acknowledged");
        server.kill();
        stop.set(true);
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        threads.shutdown();
        List<Logged> acked = List.copyOf(acknowledged);

        server.start();
        for (Logged logged : acked) {
            HttpResponse<String> call = get("/api/calls/" + logged.callId(), admin());
            assertThat(call.statusCode()).as("acknowledged call " + logged.callId()).isEqualTo(200);
            assertThat(json(call).getString("customerNumber")).isEqualTo(logged.number());
            assertThat(json(call).getString("operator")).isEqualTo(logged.operator());
            if (logged.leadId() != null) {
                HttpResponse<String> lead = get("/api/leads/" + logged.leadId(), admin());
                assertThat(lead.statusCode()).as("acknowledged lead " + logged.leadId()).isEqualTo(200);
                assertThat(json(lead).getLong("callId")).isEqualTo(logged.callId());
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        for (String operator : operators) {
            // also the calls whose answer the kill cut off: each is there whole or not at all
            List<Map<String, Object>> calls = json(get("/api/calls?size=500&operator=" + operator, admin()))
                    .getList("items");
            List<Map<String, Object>> leads = json(get("/api/leads?size=500&operator=" + operator, admin()))
                    .getList("items");
            Set<Long> asked = new HashSet<>();
            for (Map<String, Object> call : calls) {
                @SuppressWarnings("unchecked")
                Map<String, Object> requests = (Map<String, Object>) call.get("requests");
                if (requests != null && Boolean.TRUE.equals(requests.get("lead"))) {
                    asked.add(((Number) call.get("id")).longValue());
                }
            }
            Set<Long> cited = new HashSet<>();
            leads.forEach(l -> cited.add(((Number) l.get("callId")).longValue()));
            assertThat(cited).as("the calls " + operator + "'s leads came from").isEqualTo(asked);
            assertThat(calls.size()).isGreaterThanOrEqualTo(
                    (int) acked.stream().filter(l -> l.operator().equals(operator)).count());
            assertThat(reportedCalls(operator, today.minusDays(1), today.plusDays(1)))
                    .as("reporting's copies of " + operator + "'s calls").isEqualTo(calls.size());
        }
    }

    // ---- the scenarios' pieces

    private record Logged(String operator, String number, long callId, Long leadId) {
    }

    /** Logs inbound calls as one operator until the server dies or {@code stop}; every third asks for a lead. */
    private static void logInbound(String operator, String campaign, int thread, AtomicBoolean stop,
            ConcurrentLinkedQueue<Logged> acknowledged) {
        for (int i = 0; !stop.get(); i++) {
            String number = "+7923" + (1_000_000 + thread * 100_000 + i);
            boolean lead = i % 3 == 0;
            String body = "{\"number\":\"" + number + "\",\"campaign\":\"" + campaign + "\",\"contactName\":\"Caller "
                    + thread + "-" + i + "\",\"outcome\":\"interested\""
                    + (lead ? ",\"lead\":{\"estimatedValue\":1000}" : "") + "}";
            HttpResponse<String> answer;
            try {
                answer = post("/api/calls/inbound", "application/json", body, basic(operator, operator + "-pw"));
            } catch (IOException | InterruptedException e) {
                return;
            }
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError("logging an inbound call: " + answer.statusCode() + " " + answer.body());
            }
            JsonPath logged = json(answer);
            acknowledged.add(new Logged(operator, number, logged.getLong("call.id"),
                    lead ? logged.getLong("lead.id") : null));
        }
    }

    /**
     * {@value #CDR_LINES} outbound calls of one extension over {@value #DAYS} days, every {@value #REPEAT_EVERY}th
     * line a repeat of an earlier one.
     */
    private static String cdrFile(String extension, String run, int variant) {
        List<String> lines = new ArrayList<>(CDR_LINES);
        for (int i = 0; i < CDR_LINES; i++) {
            if (i > 0 && i % REPEAT_EVERY == 0) {
                lines.add(lines.get(i / 2));
                continue;
            }
            LocalDateTime start = FIRST_DAY.atTime(9, 0).plusDays(i % DAYS).plusSeconds((i / DAYS) * 9L + variant);
            int talk = i % 4 == 0 ? 0 : 5 + i % 300;
            lines.add(CallsIT.cdr("", extension, "7924" + (1_000_000 + i), "PJSIP/" + extension + "-" + i,
                    "PJSIP/trunk-" + i, "", start, 3, talk, talk > 0 ? "ANSWERED" : "NO ANSWER", run + "." + i, null));
        }
        return String.join("\n", lines) + "\n";
    }

    /** The operator's calls are whole: each in reporting's copies and rollups, and every touched day sealed right. */
    private static void assertCallsWhole(String operator, long calls) throws Exception {
        LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
        assertThat(reportedCalls(operator, FIRST_DAY, last)).as("reporting's copies of the calls").isEqualTo(calls);
        JsonPath totals = json(get("/api/reports/operator-days/totals?operator=" + operator + "&from=" + FIRST_DAY
                + "&to=" + last, admin()));
        long counted = calls == 0 ? 0 : totals.getLong("operators[0].calls");
        assertThat(counted).as("the calls in the operator-day rollups").isEqualTo(calls);
        HttpResponse<String> verified = get("/api/integrity/verify?from=" + FIRST_DAY + "&to=" + last, admin());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json(verified).getBoolean("ok")).as("the day seals: " + verified.body()).isTrue();
    }

    private static long reportedCalls(String operator, LocalDate from, LocalDate to) throws Exception {
        return json(get("/api/reports/calls?kind=all&size=1&operator=" + operator + "&from=" + from + "&to=" + to,
                admin())).getLong("total");
    }

    private static long callsOf(String operator) {
        try {
            return json(get("/api/calls?size=1&operator=" + operator, admin())).getLong("total");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long imported(long job) {
        try {
            JsonPath progress = json(get("/api/imports/" + job, admin()));
            if (!"RUNNING".equals(progress.getString("status"))) {
                fail("import " + job + " ended before it could be killed: " + progress.prettify());
            }
            return progress.getLong("imported");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long contactsTagged(String tag) throws Exception {
        return json(get("/api/contacts?size=1&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8), admin()))
                .getLong("total");
    }

    // ---- fixtures, made through the API

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static final Map<String, String> EXTENSIONS = new HashMap<>();
    private static int nextExtension = 7001;

    /** A new operator (password: username + "-pw") with an extension of its own. */
    private static String operator() throws Exception {
        String username = "crash-op-" + run();
        String extension = String.valueOf(nextExtension++);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + username + "-pw\",\"fullName\":\"Crash "
                + username + "\",\"roles\":[\"OPERATOR\"],\"extension\":\"" + extension + "\"}";
        HttpResponse<String> created = post("/api/users", "application/json", body, admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        EXTENSIONS.put(username, extension);
        return username;
    }

    private static String extensionOf(String operator) {
        return EXTENSIONS.get(operator);
    }

    /** An inbound campaign the operators are assigned to (only they may log its calls). */
    private static String campaign(List<String> operators) throws Exception {
        HttpResponse<String> client = post("/api/clients", "application/json",
                "{\"name\":\"Crash Client " + run() + "\"}", admin());
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        String code = ("CRASH-" + run()).toUpperCase();
        HttpResponse<String> campaign = post("/api/campaigns", "application/json", "{\"code\":\"" + code
                + "\",\"name\":\"Campaign " + code + "\",\"type\":\"INBOUND_AD\",\"clientId\":" + json(client).getLong("id")
                + ",\"operators\":[" + String.join(",", operators.stream().map(o -> "\"" + o + "\"").toList()) + "]}",
                admin());
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        return code;
    }

    // ---- HTTP

    private static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", authorization)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String authorization)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", authorization)
                .header("Content-Type", contentType).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A post whose connection the kill cuts: null then. */
    private static HttpResponse<String> postQuietly(String path, String contentType, String body, String authorization) {
        try {
            return post(path, contentType, body, authorization);
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static JsonPath json(HttpResponse<String> response) {
        return new JsonPath(response.body());
    }

    private static void awaitOrFail(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("Waited " + limit + " for " + what);
            }
            Thread.sleep(100);
        }
    }

    // ---- the server as a separate process

    /** A copy of the provisioned server: own base directory, own data, ports +200; killed and started at will. */
    private static final class Server {

        final Path home = Path.of(required("jboss.home"));
        final Path target = Path.of("target").toAbsolutePath();
        final Path base = target.resolve("crash-base");
        final Path data = target.resolve("crash-data");
        final Path log = target.resolve("crash-server.log");
        final Database database = Database.ofSuite();
        Process launcher;
        ProcessHandle jvm;

        Server() throws IOException, SQLException {
            deleteTree(base);
            deleteTree(data);
            Files.deleteIfExists(log);
            copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(Path.of(required("switchboard.ear")), base.resolve("deployments/switchboard.ear"));
            database.recreate();
        }

        void start() throws Exception {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                    "-Dswitchboard.data.dir=" + data));
            command.addAll(database.serverProperties());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().remove("JAVA_OPTS");
            Files.writeString(log, "\n==== start " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            launcher = builder.start();
            jvm = awaitJvm();
            awaitReady();
        }

        /** SIGKILL to the server's JVM: no shutdown hook, no flush, no graceful anything. */
        void kill() throws Exception {
            if (jvm != null && jvm.isAlive()) {
                jvm.destroyForcibly();
                jvm.onExit().get(1, TimeUnit.MINUTES);
            }
            if (launcher != null) {
                launcher.destroyForcibly();
                launcher.waitFor(1, TimeUnit.MINUTES);
            }
            jvm = null;
            launcher = null;
        }

        /** The java process standalone.sh runs (its child), found by its jboss-modules.jar. */
        private ProcessHandle awaitJvm() throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                ProcessHandle found = launcher.descendants().filter(p -> p.info().commandLine().orElse("")
                        .contains("jboss-modules.jar")).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
                if (!launcher.isAlive()) {
                    fail("standalone.sh ended (" + launcher.exitValue() + ") before starting Java; see " + log);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("No server JVM under standalone.sh after 60 s; see " + log);
        }

        /** Ready: the application's readiness check (the database) is UP and the API answers. */
        private void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(BOOT);
            while (Instant.now().isBefore(deadline)) {
                if (!jvm.isAlive()) {
                    fail("The server died while starting; see " + log);
                }
                try {
                    HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(READY))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200 && ready.body().contains("\"database\"")
                            && get("/api/calls?size=1", admin()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new AssertionError("The server was not ready after " + BOOT + "; see " + log);
        }
    }

    /**
     * The database the rest of the suite uses (failsafe's {@code it.jvm.args}), as this test's own: H2 files of its
     * own, or a PostgreSQL database of its own on the same server, so the Arquillian server's data is never touched.
     */
    private record Database(String kind, String url, String user, String password) {

        static Database ofSuite() {
            Map<String, String> properties = new HashMap<>();
            for (String arg : System.getProperty("it.jvm.args", "").trim().split("\\s+")) {
                int eq = arg.indexOf('=');
                if (arg.startsWith("-D") && eq > 2) {
                    properties.put(arg.substring(2, eq), arg.substring(eq + 1));
                }
            }
            if (!"postgresql".equals(properties.get("switchboard.db"))) {
                return new Database("h2", null, null, null);
            }
            String suite = properties.get("switchboard.postgresql.url");
            int slash = suite.lastIndexOf('/');
            int query = suite.indexOf('?', slash);
            String name = query < 0 ? suite.substring(slash + 1) : suite.substring(slash + 1, query);
            String url = suite.substring(0, slash + 1) + name + "_crash" + (query < 0 ? "" : suite.substring(query));
            return new Database("postgresql", url, properties.getOrDefault("switchboard.postgresql.user", "postgres"),
                    properties.get("switchboard.postgresql.password"));
        }

        List<String> serverProperties() {
            if (url == null) {
                return List.of("-Dswitchboard.db=h2");
            }
            List<String> properties = new ArrayList<>(List.of("-Dswitchboard.db=postgresql",
                    "-Dswitchboard.postgresql.url=" + url, "-Dswitchboard.postgresql.user=" + user));
            if (password != null) {
                properties.add("-Dswitchboard.postgresql.password=" + password);
            }
            return properties;
        }

        private String name() {
            int slash = url.lastIndexOf('/');
            int query = url.indexOf('?', slash);
            return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        }

        void recreate() throws SQLException {
            if (url != null) {
                maintenance("DROP DATABASE IF EXISTS \"" + name() + "\" WITH (FORCE)");
                maintenance("CREATE DATABASE \"" + name() + "\"");
            }
        }

        void drop() throws SQLException {
            if (url != null) {
                maintenance("DROP DATABASE IF EXISTS \"" + name() + "\" WITH (FORCE)");
            }
        }

        /** On the server's {@code postgres} database: a database cannot be created or dropped from inside itself. */
        private void maintenance(String sql) throws SQLException {
            String postgres = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            try (Connection c = DriverManager.getConnection(postgres, user, password == null ? "" : password);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Run through failsafe: system property " + property + " is not set");
        }
        return value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
    }
}
