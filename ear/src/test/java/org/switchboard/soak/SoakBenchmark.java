package org.switchboard.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak run: a running Switchboard (started the way the README says, on PostgreSQL) worked through its API the
 * way a call centre works it, for {@code soak.minutes} (30) minutes:
 * <ul>
 * <li>{@code soak.operators} (50) operators, each a thread: next call, a pause for the call, an outcome (no
 * answer, busy, not interested, interested with a lead, a callback, wrong number), and every sixth turn an inbound
 * call logged with a new caller;</li>
 * <li>5 supervisors reading the operator-day report, its totals, the anomalies and the calls list;</li>
 * <li>a Master.csv import of {@code soak.cdr.lines} (2 000) PBX records of those operators every minute.</li>
 * </ul>
 * It prints, as {@code [benchmark]} lines, every non-expected answer (an error), p50/p95/p99/max per endpoint, the
 * server's heap after a full GC at the start and at the end ({@code jcmd}), and the database connections in use
 * ({@code pg_stat_activity}, when {@code soak.jdbc} names the database). {@code soak.server.match} picks the server's
 * process by a part of its command line when more than one WildFly runs here. It asserts that there was no error.
 * BENCHMARKS.md has the command.
 */
@Tag("benchmark")
class SoakBenchmark {

    private static final String BASE = System.getProperty("soak.url", "http://localhost:8080");
    private static final String ADMIN = System.getProperty("soak.admin", "admin");
    private static final String ADMIN_PASSWORD = System.getProperty("soak.password",
            System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", "admin"));
    private static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    private static final int OPERATORS = Integer.getInteger("soak.operators", 50);
    private static final int SUPERVISORS = Integer.getInteger("soak.supervisors", 5);
    private static final int LIST_SIZE = Integer.getInteger("soak.list", 20_000);
    private static final int CDR_LINES = Integer.getInteger("soak.cdr.lines", 2_000);
    private static final String JDBC = System.getProperty("soak.jdbc", "");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter PBX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @Test
    void aCallCentreWorksThroughTheApiForHalfAnHour() throws Exception {
        String campaignCode = "SOAK" + run.toUpperCase(Locale.ROOT);
        long client = post(ADMIN, ADMIN_PASSWORD, "setup", "/api/clients", Map.of("name", "Soak client " + run), 201)
                .get("id").asLong();
        List<String> operators = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            String name = "soak" + run + "op" + i;
            String extension = String.valueOf(70_000 + ThreadLocalRandom.current().nextInt(20_000) * 100 + i);
            user(name, List.of("OPERATOR"), extension);
            operators.add(name);
            extensions.add(extension);
        }
        List<String> supervisors = new ArrayList<>();
        for (int i = 0; i < SUPERVISORS; i++) {
            String name = "soak" + run + "sv" + i;
            user(name, List.of("SUPERVISOR"), null);
            supervisors.add(name);
        }
        long campaign = post(ADMIN, ADMIN_PASSWORD, "setup", "/api/campaigns", Map.of("code", campaignCode, "name",
                "Soak " + run, "type", "OUTBOUND", "clientId", client, "operators", operators), 201).get("id").asLong();
        StringBuilder list = new StringBuilder("phone,name\n");
        for (int i = 0; i < LIST_SIZE; i++) {
            list.append(moscowNumber()).append(",Soak Person ").append(i).append('\n');
        }
        JsonNode listed = send("setup", request(ADMIN, ADMIN_PASSWORD, "/api/campaigns/" + campaign + "/list/import")
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofString(list.toString())).build(), 200);
        System.out.println("[benchmark] soak setup: " + OPERATORS + " operators, " + SUPERVISORS + " supervisors, list of "
                + listed.path("imported").asLong() + " numbers, campaign " + campaignCode);
        latencies.clear();

        long heapStart = heapAfterFullGc();
        List<long[]> connections = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(OPERATORS + SUPERVISORS + 2);
        Instant end = Instant.now().plus(Duration.ofMinutes(MINUTES));
        for (String operator : operators) {
            pool.submit(() -> guarded(() -> operatorWorks(operator, campaign, campaignCode, end)));
        }
        for (String supervisor : supervisors) {
            pool.submit(() -> guarded(() -> supervisorReads(supervisor, campaignCode, end)));
        }
        pool.submit(() -> guarded(() -> pbxImports(extensions, campaignCode, end)));
        pool.submit(() -> guarded(() -> connectionSamples(connections, end)));
        pool.shutdown();
        assertThat(pool.awaitTermination(MINUTES + 10, TimeUnit.MINUTES)).as("the workers stop").isTrue();
        long heapEnd = heapAfterFullGc();

        System.out.println("[benchmark] soak: " + MINUTES + " min, " + OPERATORS + " operators, " + SUPERVISORS
                + " supervisors, a " + CDR_LINES + "-line Master.csv every minute, against " + BASE);
        System.out.println("[benchmark] | endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |");
        long errorTotal = 0;
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted;
            synchronized (e.getValue()) {
                sorted = new ArrayList<>(e.getValue());
            }
            Collections.sort(sorted);
            long failed = errors.getOrDefault(e.getKey(), new AtomicLong()).get();
            errorTotal += failed;
            System.out.printf(Locale.ROOT, "[benchmark] | %s | %d | %d | %d | %d | %d | %d |%n", e.getKey(), sorted.size(),
                    failed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1));
        }
        System.out.printf(Locale.ROOT, "[benchmark] heap after full GC: start %.1f MB, end %.1f MB%n", heapStart / 1024.0,
                heapEnd / 1024.0);
        if (!connections.isEmpty()) {
            long maxAll = connections.stream().mapToLong(c -> c[0]).max().orElse(0);
            long maxActive = connections.stream().mapToLong(c -> c[1]).max().orElse(0);
            double meanActive = connections.stream().mapToLong(c -> c[1]).average().orElse(0);
            System.out.printf(Locale.ROOT, "[benchmark] database connections (%d samples): open max %d, active max %d,"
                    + " active mean %.1f%n", connections.size(), maxAll, maxActive, meanActive);
        }
        synchronized (errorSamples) {
            errorSamples.stream().limit(20).forEach(s -> System.out.println("[benchmark] error: " + s));
        }
        assertThat(errorTotal).as("requests answered with an unexpected status").isZero();
    }

    private void user(String name, List<String> roles, String extension) throws IOException, InterruptedException {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", name);
        body.put("password", name + "-pass-1");
        body.put("fullName", "Soak " + name);
        body.put("roles", roles);
        body.put("extension", extension);
        post(ADMIN, ADMIN_PASSWORD, "setup", "/api/users", body, 201);
    }

    /** An operator's turns: the next call, the call itself, an outcome; now and then an inbound caller. */
    private void operatorWorks(String operator, long campaign, String campaignCode, Instant end) throws Exception {
        String password = operator + "-pass-1";
        int turn = 0;
        while (Instant.now().isBefore(end)) {
            turn++;
            HttpResponse<String> offered = call("POST /api/campaigns/{id}/next",
                    request(operator, password, "/api/campaigns/" + campaign + "/next")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), 200, 204);
            if (offered != null && offered.statusCode() == 200) {
                long entry = JSON.readTree(offered.body()).get("id").asLong();
                pause(300, 1500);
                call("POST /api/campaigns/{id}/entries/{entry}/outcome", request(operator, password,
                        "/api/campaigns/" + campaign + "/entries/" + entry + "/outcome")
                        .POST(json(outcome())).build(), 200);
            } else {
                pause(1000, 3000);
            }
            if (turn % 6 == 0) {
                Map<String, Object> inbound = new java.util.HashMap<>();
                inbound.put("number", moscowNumber());
                inbound.put("campaign", campaignCode);
                inbound.put("contactName", "Caller " + operator + " " + turn);
                inbound.put("notes", "asked about the offer");
                inbound.put("outcome", ThreadLocalRandom.current().nextBoolean() ? "not_interested" : "interested");
                call("POST /api/calls/inbound", request(operator, password, "/api/calls/inbound").POST(json(inbound)).build(),
                        201);
            }
            pause(200, 800);
        }
    }

    private static Map<String, Object> outcome() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        Map<String, Object> body = new java.util.HashMap<>();
        if (dice < 35) {
            body.put("outcome", "NO_ANSWER");
        } else if (dice < 50) {
            body.put("outcome", "BUSY");
        } else if (dice < 75) {
            body.put("outcome", "NOT_INTERESTED");
            body.put("note", "has a supplier");
        } else if (dice < 85) {
            body.put("outcome", "INTERESTED");
            body.put("lead", Map.of("estimatedValue", 1000 + ThreadLocalRandom.current().nextInt(50_000)));
        } else if (dice < 95) {
            body.put("outcome", "CALLBACK");
            body.put("callbackAt", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(2 + ThreadLocalRandom.current().nextInt(10))
                    .withNano(0).toString());
        } else {
            body.put("outcome", "WRONG_NUMBER");
        }
        return body;
    }

    /** A supervisor watching the day: the report, its totals, the anomalies, the latest calls. */
    private void supervisorReads(String supervisor, String campaignCode, Instant end) throws Exception {
        String password = supervisor + "-pass-1";
        String today = LocalDate.now(MOSCOW).toString();
        String week = LocalDate.now(MOSCOW).minusDays(6).toString();
        while (Instant.now().isBefore(end)) {
            call("GET /api/reports/operator-days", request(supervisor, password, "/api/reports/operator-days?from=" + week
                    + "&to=" + today + "&campaign=" + campaignCode).GET().build(), 200);
            pause(500, 2000);
            call("GET /api/reports/operator-days/totals", request(supervisor, password,
                    "/api/reports/operator-days/totals?from=" + today + "&to=" + today).GET().build(), 200);
            pause(500, 2000);
            call("GET /api/reports/anomalies", request(supervisor, password, "/api/reports/anomalies?from=" + week + "&to="
                    + today).GET().build(), 200);
            pause(500, 2000);
            call("GET /api/calls", request(supervisor, password, "/api/calls?campaign=" + campaignCode
                    + "&page=0&size=50").GET().build(), 200);
            pause(500, 2000);
        }
    }

    /** The PBX's records of the operators' calls, a Master.csv every minute. */
    private void pbxImports(List<String> extensions, String campaignCode, Instant end) throws Exception {
        int batch = 0;
        while (Instant.now().isBefore(end)) {
            Instant started = Instant.now();
            StringBuilder csv = new StringBuilder();
            LocalDateTime base = LocalDateTime.now(MOSCOW).minusMinutes(30);
            for (int i = 0; i < CDR_LINES; i++) {
                String extension = extensions.get(ThreadLocalRandom.current().nextInt(extensions.size()));
                String number = "8" + moscowNumber().substring(2);
                int billsec = ThreadLocalRandom.current().nextInt(5) == 0 ? 0 : ThreadLocalRandom.current().nextInt(400);
                LocalDateTime start = base.plusSeconds(ThreadLocalRandom.current().nextInt(1800));
                String uniqueid = "soak" + run + "." + batch + "." + i;
                csv.append(cdr(campaignCode, extension, number, "PJSIP/" + extension + "-" + String.format("%08x", i),
                        "PJSIP/trunk-" + String.format("%08x", i), start, 5, billsec, billsec > 0 ? "ANSWERED" : "NO ANSWER",
                        uniqueid)).append('\n');
            }
            call("POST /api/calls/import/asterisk", request(ADMIN, ADMIN_PASSWORD, "/api/calls/import/asterisk")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    200);
            batch++;
            long wait = Duration.ofMinutes(1).minus(Duration.between(started, Instant.now())).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
    }

    private static String cdr(String accountcode, String src, String dst, String channel, String dstchannel,
            LocalDateTime start, int ring, int billsec, String disposition, String uniqueid) {
        LocalDateTime answer = billsec > 0 ? start.plusSeconds(ring) : null;
        LocalDateTime end = start.plusSeconds(ring + billsec);
        return String.join(",", q(accountcode), q(src), q(dst), q("from-internal"), q("\"Soak\" <" + src + ">"),
                q(channel), q(dstchannel), q("Dial"), q("PJSIP/" + dst + "@trunk,60"), q(start.format(PBX)),
                q(answer == null ? "" : answer.format(PBX)), q(end.format(PBX)), String.valueOf(ring + billsec),
                String.valueOf(billsec), q(disposition), q("DOCUMENTATION"), q(uniqueid), q(""));
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private void connectionSamples(List<long[]> samples, Instant end) throws Exception {
        if (JDBC.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(JDBC, System.getProperty("soak.jdbc.user", "postgres"), "")) {
            while (Instant.now().isBefore(end)) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*),"
                        + " count(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
                    rs.next();
                    samples.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
                Thread.sleep(5_000);
            }
        } catch (SQLException e) {
            System.out.println("[benchmark] cannot sample pg_stat_activity: " + e.getMessage());
        }
    }

    /** The server's used heap in KB after a full collection, through jcmd on the WildFly process. */
    private static long heapAfterFullGc() throws IOException, InterruptedException {
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains("[Standalone]")
                        && c.contains(System.getProperty("soak.server.match", ""))).orElse(false))
                .findFirst().orElse(null);
        if (server == null) {
            System.out.println("[benchmark] no local WildFly process found: heap not measured");
            return -1;
        }
        jcmd(server.pid(), "GC.run");
        String info = jcmd(server.pid(), "GC.heap_info");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        long total = 0;
        while (used.find()) {
            total += Long.parseLong(used.group(2));
        }
        return total;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void pause(int min, int max) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(min, max));
    }

    private static String moscowNumber() {
        return "+7495" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private void guarded(Checked work) {
        try {
            work.run();
        } catch (Exception e) {
            errors.computeIfAbsent("worker", k -> new AtomicLong()).incrementAndGet();
            latencies.computeIfAbsent("worker", k -> Collections.synchronizedList(new ArrayList<>())).add(0L);
            errorSamples.add("worker stopped: " + e);
        }
    }

    private interface Checked {
        void run() throws Exception;
    }

    private HttpRequest.Builder request(String user, String password, String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) throws IOException {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private JsonNode post(String user, String password, String name, String path, Object body, int expected)
            throws IOException, InterruptedException {
        return send(name, request(user, password, path).header("Content-Type", "application/json").POST(json(body)).build(),
                expected);
    }

    private JsonNode send(String name, HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(name + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends a request of the workload, recording its time, and its answer as an error unless it is expected. */
    private HttpResponse<String> call(String endpoint, HttpRequest request, int... expected) {
        HttpRequest withType = request.method().equals("POST") && request.headers().firstValue("Content-Type").isEmpty()
                ? HttpRequest.newBuilder(request, (k, v) -> true).header("Content-Type", "application/json").build()
                : request;
        long started = System.nanoTime();
        HttpResponse<String> response = null;
        try {
            response = http.send(withType, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            errorSamples.add(endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        latencies.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
        boolean ok = response != null && contains(expected, response.statusCode());
        if (!ok) {
            errors.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
            if (response != null && errorSamples.size() < 200) {
                errorSamples.add(endpoint + " " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        return response;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
