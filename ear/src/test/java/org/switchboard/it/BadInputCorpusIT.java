package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A corpus of bad input, generated from the server's own {@code /openapi} document, sent to every operation it
 * describes: malformed, deep and oversized JSON, wrong types, nulls, huge and negative numbers, long and
 * control-character strings, wrong and missing content types, garbage CSV, XLSX (a zip bomb among them) and WAV,
 * bad path, query and Range values.
 *
 * <p>Every answer must be below 500, every error must be {@code application/problem+json} without internal text,
 * and a refused request must store nothing: a fingerprint of the database as the API shows it (the total of
 * every list and the number of audited changes of every audited kind) is the same before and after.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCorpusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern INTERNAL = Pattern.compile(
            "(?i)exception|org\\.hibernate|org\\.h2|org\\.postgresql|jdbc|sqlstate|\\bselect\\b.*\\bfrom\\b"
                    + "|\\binsert into\\b|constraint \\w+_|\\bat (org|java|jakarta)\\.|resteasy|undertow");
    private static final List<String> BODY_METHODS = List.of("post", "put", "patch");

    private static String staff;
    private static String client;
    private static JsonNode openapi;
    private static List<String> fingerprintLists;
    private static List<String> auditedEntities;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeAll
    static void users() {
        staff = Api.unique("corpus");
        Api.createUser(staff, List.of("ADMIN", "SUPERVISOR", "OPERATOR", "MARKETER"), Api.freeExtension(), null);
        long clientId = Api.createClient(Api.unique("Corpus client"));
        client = Api.unique("corpus-client");
        Api.createUser(client, List.of("CLIENT"), null, clientId);
    }

    /** What one request got. */
    private record Answer(int status, String contentType, String body) {
    }

    private record Probe(String label, String method, String path, String contentType, byte[] body,
            Map<String, String> headers, boolean chunked) {
    }

    @Test
    void everyOperationRefusesBadInputCleanly() throws Exception {
        openapi = JSON.readTree(send(staff, new Probe("openapi", "GET", "/openapi", null, null,
                Map.of("Accept", "application/json"), false)).body());
        fingerprintLists = fingerprintLists();
        auditedEntities = auditedEntities();
        assertThat(fingerprintLists).as("lists that make up the fingerprint").hasSizeGreaterThan(10);

        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                List<Probe> probes = probes(method, path.getKey(), op.getValue());
                requests += probes.size();
                runBatch(method + " " + path.getKey(), probes, failures);
            }
        }
        assertThat(operations).as("operations in /openapi").isGreaterThan(100);
        System.out.printf("BadInputCorpusIT: %d operations, %d requests%n", operations, requests);
        assertThat(failures).as("bad input answered wrongly (%d requests to %d operations)", requests, operations)
                .isEmpty();
    }

    /** Sends one operation's probes; refused mutations must leave the fingerprint as it was. */
    private void runBatch(String operation, List<Probe> probes, List<String> failures) throws Exception {
        boolean mutating = !operation.startsWith("GET ");
        String user = staff;
        Map<String, Long> before = mutating ? fingerprint() : Map.of();
        boolean anySuccess = false;
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Answer answer = send(user, probe);
            if (i == 0 && answer.status() == 403) {
                // an endpoint of the CLIENT role only: its input checks are behind that role
                Answer asClient = send(client, probe);
                if (asClient.status() != 403) {
                    user = client;
                    answer = asClient;
                }
            }
            check(operation, probe, answer, failures);
            anySuccess |= answer.status() < 400;
        }
        if (!mutating) {
            return;
        }
        if (!anySuccess) {
            Map<String, Long> after = fingerprint();
            if (!after.equals(before)) {
                failures.add(operation + ": refused requests changed stored data: " + difference(before, after));
            }
            return;
        }
        // some probe was accepted: find out, request by request, that none of the refused ones stored anything
        for (Probe probe : probes) {
            Map<String, Long> start = fingerprint();
            Answer answer = send(user, probe);
            if (answer.status() >= 400) {
                Map<String, Long> end = fingerprint();
                if (!end.equals(start)) {
                    failures.add(operation + " [" + probe.label() + "] answered " + answer.status()
                            + " but changed stored data: " + difference(start, end));
                }
            }
        }
    }

    private static void check(String operation, Probe probe, Answer answer, List<String> failures) {
        String where = operation + " [" + probe.label() + "] → " + answer.status();
        if (answer.status() == 0) {
            // a server may close the connection on a body it will not read to the end, but only on one too big
            boolean alive;
            try {
                alive = sendHealth().status() == 200;
            } catch (Exception e) {
                alive = false;
            }
            if (!alive || !probe.label().startsWith("2 MB")) {
                failures.add(where + ": " + answer.body() + (alive ? "" : "; the server no longer answers"));
            }
            return;
        }
        if (answer.status() >= 500) {
            failures.add(where + ": " + abbreviate(answer.body()));
            return;
        }
        if (answer.status() >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                failures.add(where + ": not problem+json but " + answer.contentType() + ": "
                        + abbreviate(answer.body()));
            }
            Matcher internal = INTERNAL.matcher(answer.body());
            if (internal.find()) {
                failures.add(where + ": internal text '" + internal.group() + "' in " + abbreviate(answer.body()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the corpus

    private List<Probe> probes(String method, String template, JsonNode op) throws IOException {
        List<Probe> probes = new ArrayList<>();
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        List<JsonNode> queryParams = new ArrayList<>();
        JsonNode rangeHeader = null;
        for (JsonNode p : op.path("parameters")) {
            switch (p.path("in").asText()) {
                case "path" -> pathParams.put(p.get("name").asText(), p);
                case "query" -> queryParams.add(p);
                case "header" -> rangeHeader = p;
                default -> {
                }
            }
        }
        String path = fill(template, pathParams.keySet(), null, null);
        Map<String, JsonNode> bodyTypes = new TreeMap<>();
        op.path("requestBody").path("content").fields().forEachRemaining(e -> bodyTypes.put(e.getKey(), e.getValue()));
        String mainType = bodyTypes.containsKey("application/json") ? "application/json"
                : bodyTypes.keySet().stream().findFirst().orElse(null);
        byte[] plausible = plausibleBody(mainType);

        // bad path values, one parameter at a time
        for (String name : pathParams.keySet()) {
            for (String bad : List.of("abc", "-1", "0", "99999999999999999999", "1e400", "x".repeat(300), "%00",
                    "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--")) {
                if (method.equals("DELETE") && bad.equals("0")) {
                    continue;
                }
                probes.add(new Probe("path " + name + "=" + abbreviate(bad), method,
                        fill(template, pathParams.keySet(), name, bad), mainType, plausible, Map.of(), false));
            }
        }
        // bad query values, one parameter at a time
        if (!BODY_METHODS.contains(method.toLowerCase(Locale.ROOT)) || bodyTypes.isEmpty()) {
            for (JsonNode q : queryParams) {
                String name = q.get("name").asText();
                for (String bad : badQueryValues(q)) {
                    probes.add(new Probe("query " + name + "=" + abbreviate(bad), method,
                            path + "?" + name + "=" + bad, mainType, plausible, Map.of(), false));
                }
                probes.add(new Probe("query " + name + " twice", method, path + "?" + name + "=1&" + name + "=abc",
                        mainType, plausible, Map.of(), false));
            }
        }
        if (rangeHeader != null) {
            for (String range : List.of("bytes=abc", "bytes=99999999999999999999-", "bytes=5-1", "bytes=-0",
                    "bytes=" + "0-1,".repeat(5000) + "0-1", "items=0-10", "bytes=--1")) {
                probes.add(new Probe("Range " + abbreviate(range), method, path, null, null,
                        Map.of(rangeHeader.get("name").asText(), range), false));
            }
        }
        if (bodyTypes.isEmpty()) {
            return probes;
        }
        if (bodyTypes.containsKey("application/json")) {
            probes.addAll(jsonProbes(method, path, bodyTypes.get("application/json")));
        }
        for (String type : bodyTypes.keySet()) {
            if (!type.equals("application/json")) {
                probes.addAll(fileProbes(method, path, type));
            }
        }
        // wrong and missing content types
        byte[] someJson = "{}".getBytes(StandardCharsets.UTF_8);
        for (String wrong : List.of("application/xml", "application/x-www-form-urlencoded", "image/png",
                "multipart/form-data; boundary=xyz", "text/html", "application/json; charset=ebcdic", "")) {
            if (bodyTypes.containsKey(wrong) || bodyTypes.containsKey("*/*")) {
                continue;
            }
            probes.add(new Probe("content type '" + wrong + "'", method, path, wrong, someJson, Map.of(), false));
        }
        probes.add(new Probe("no content type", method, path, null, someJson, Map.of(), false));
        probes.add(new Probe("no body", method, path, mainType, null, Map.of(), false));
        // oversized bodies, with a length and chunked
        byte[] big = oversized(mainType);
        probes.add(new Probe("2 MB body", method, path, mainType, big, Map.of(), false));
        probes.add(new Probe("2 MB chunked body", method, path, mainType, big, Map.of(), true));
        return probes;
    }

    private static List<String> badQueryValues(JsonNode q) {
        List<String> values = new ArrayList<>(List.of("abc", "-1", "99999999999999999999", "1e400", "",
                "%00%01%1B", "x".repeat(5000), "2026-13-45", "NaN", "%E2%80%AE", "%27%3B--"));
        String name = q.get("name").asText();
        if (name.equals("size") || name.equals("page")) {
            values.addAll(List.of("2147483647", "-2147483648", "1000000000"));
        }
        if (name.equals("sort")) {
            values.addAll(List.of("-", "nosuchfield", "id%3Bdrop"));
        }
        return values;
    }

    private List<Probe> jsonProbes(String method, String path, JsonNode media) throws IOException {
        String type = "application/json";
        List<Probe> probes = new ArrayList<>();
        for (String text : List.of("{", "{\"a\":", "nul", "[1,2", "{\"a\" 1}", "{'a':1}", "{\"a\":1}}",
                "null", "[]", "\"text\"", "42", "true", "{}", "{\"a\":1e999999999}",
                "{\"a\":" + "9".repeat(100_000) + "}", "{\"a\":\"\\ud800\"}",
                "[".repeat(100_000) + "]".repeat(100_000), "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000))) {
            probes.add(new Probe("json " + abbreviate(text), method, path, type,
                    text.getBytes(StandardCharsets.UTF_8), Map.of(), false));
        }
        probes.add(new Probe("json with NUL and bad UTF-8", method, path, type,
                new byte[] {'{', '"', 'a', '"', ':', '"', 0, (byte) 0xC3, (byte) 0x28, '"', '}'}, Map.of(), false));
        JsonNode schema = resolve(media.path("schema"));
        JsonNode properties = schema.path("properties");
        ObjectNode allWrong = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = resolve(field.getValue());
            List<JsonNode> badValues = badValues(fieldSchema);
            for (JsonNode bad : badValues) {
                ObjectNode body = JSON.createObjectNode();
                body.set(field.getKey(), bad);
                probes.add(new Probe("field " + field.getKey() + "=" + abbreviate(bad.toString()), method, path,
                        type, JSON.writeValueAsBytes(body), Map.of(), false));
            }
            allWrong.set(field.getKey(), badValues.get(1));
        }
        if (!allWrong.isEmpty()) {
            probes.add(new Probe("every field wrong", method, path, type, JSON.writeValueAsBytes(allWrong), Map.of(),
                    false));
        }
        return probes;
    }

    private List<JsonNode> badValues(JsonNode schema) {
        String kind = schema.path("type").asText(schema.has("properties") ? "object" : "");
        List<JsonNode> values = new ArrayList<>();
        values.add(JSON.nullNode());
        switch (kind) {
            case "integer", "number" -> {
                values.add(JSON.getNodeFactory().textNode("abc"));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")));
                values.add(JSON.getNodeFactory().numberNode(-1));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e-300000000")));
                values.add(JSON.getNodeFactory().numberNode(1.5));
                values.add(JSON.createObjectNode());
            }
            case "boolean" -> {
                values.add(JSON.getNodeFactory().textNode("maybe"));
                values.add(JSON.getNodeFactory().numberNode(2));
            }
            case "array" -> {
                values.add(JSON.getNodeFactory().textNode("not a list"));
                values.add(JSON.createObjectNode());
                var huge = JSON.createArrayNode();
                for (int i = 0; i < 20_000; i++) {
                    huge.add(i);
                }
                values.add(huge);
                var nulls = JSON.createArrayNode();
                nulls.addNull();
                nulls.add(JSON.createObjectNode());
                values.add(nulls);
            }
            case "object" -> {
                values.add(JSON.getNodeFactory().textNode("not an object"));
                values.add(JSON.createArrayNode());
            }
            default -> {
                values.add(JSON.createObjectNode());
                values.add(JSON.createArrayNode().add(1));
                values.add(JSON.getNodeFactory().textNode("x".repeat(100_000)));
                values.add(JSON.getNodeFactory().textNode("\u0000\u0001\u001b[31m\r\n\u202e<script>"));
                values.add(JSON.getNodeFactory().textNode(""));
                values.add(JSON.getNodeFactory().textNode("2026-13-45T25:61:00"));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))));
            }
        }
        return values;
    }

    private List<Probe> fileProbes(String method, String path, String type) throws IOException {
        List<Probe> probes = new ArrayList<>();
        Random random = new Random(16);
        byte[] noise = new byte[20_000];
        random.nextBytes(noise);
        probes.add(new Probe(type + " noise", method, path, type, noise, Map.of(), false));
        probes.add(new Probe(type + " empty", method, path, type, new byte[0], Map.of(), false));
        if (type.contains("csv") || type.equals("text/plain") || type.equals("application/octet-stream")
                || type.equals("*/*")) {
            for (String csv : List.of("\"unclosed,quote\n1,2\n", "a;b;c\n\u0000\u0001;\"x\"\"\n",
                    "x".repeat(3_000_000), ",".repeat(200_000) + "\n", "name\n" + "=cmd|' /C calc'!A0\n",
                    "\"\",\"\"\"\n".repeat(10_000))) {
                probes.add(new Probe(type + " " + abbreviate(csv), method, path, type,
                        csv.getBytes(StandardCharsets.UTF_8), Map.of(), false));
            }
        }
        if (type.contains("spreadsheetml") || type.equals("application/octet-stream") || type.equals("*/*")) {
            probes.add(new Probe(type + " zip bomb", method, path, type, zipBomb(), Map.of(), false));
            probes.add(new Probe(type + " zip without a workbook", method, path, type,
                    zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8)), Map.of(), false));
            probes.add(new Probe(type + " truncated zip", method, path, type,
                    java.util.Arrays.copyOf(zip("xl/workbook.xml", new byte[5000]), 100), Map.of(), false));
        }
        if (type.startsWith("audio/") || type.equals("*/*")) {
            byte[] wav = new byte[64];
            System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
            java.util.Arrays.fill(wav, 4, 8, (byte) 0xFF);
            System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
            java.util.Arrays.fill(wav, 16, 64, (byte) 0xFF);
            probes.add(new Probe(type + " lying WAV header", method, path, type, wav, Map.of(), false));
            probes.add(new Probe(type + " RIFF only", method, path, type,
                    "RIFF".getBytes(StandardCharsets.US_ASCII), Map.of(), false));
        }
        if (type.startsWith("multipart/")) {
            probes.add(new Probe("multipart without boundary", method, path, "multipart/form-data",
                    "--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Map.of(), false));
            probes.add(new Probe("multipart unterminated", method, path, "multipart/form-data; boundary=b",
                    ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.wav\"\r\n\r\nRIFF")
                            .getBytes(StandardCharsets.US_ASCII), Map.of(), false));
            probes.add(new Probe("multipart with a garbage part", method, path, "multipart/form-data; boundary=b",
                    ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                            + "Content-Type: audio/wav\r\n\r\n" + new String(noise, StandardCharsets.ISO_8859_1)
                            + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1), Map.of(), false));
        }
        return probes;
    }

    private static byte[] oversized(String type) {
        StringBuilder text = new StringBuilder(2_100_000);
        if (type == null || type.equals("application/json")) {
            text.append("{\"pad\":\"").append("a".repeat(2_000_000)).append("\"}");
        } else {
            text.append("name,phone\n");
            while (text.length() < 2_000_000) {
                text.append("Name,+79210000000\n");
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] plausibleBody(String type) {
        if (type == null) {
            return null;
        }
        return type.equals("application/json") ? "{}".getBytes(StandardCharsets.UTF_8)
                : "name\n".getBytes(StandardCharsets.UTF_8);
    }

    private static String fill(String template, Iterable<String> names, String badName, String badValue) {
        String path = template;
        for (String name : names) {
            String value = name.equals(badName) ? badValue : (name.equals("date") ? "2026-01-01" : "999999991");
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = openapi.at(ref.substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the fingerprint: what the API shows of stored data

    /** Every list the staff user may read without parameters that answers a page with a total. */
    private List<String> fingerprintLists() throws Exception {
        List<String> lists = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().contains("{") || !path.getValue().has("get")) {
                continue;
            }
            Answer answer = send(staff, new Probe("list", "GET", path.getKey(), null, null, Map.of(), false));
            if (answer.status() == 200 && answer.contentType() != null
                    && answer.contentType().startsWith("application/json")) {
                JsonNode body = JSON.readTree(answer.body());
                if (body.has("total") || body.isArray()) {
                    lists.add(path.getKey());
                }
            }
        }
        return lists;
    }

    private List<String> auditedEntities() throws Exception {
        Answer answer = send(staff, new Probe("audit", "GET", "/api/audit", null, null, Map.of(), false));
        Matcher m = Pattern.compile("audited entities: \\[([^\\]]*)]").matcher(answer.body());
        assertThat(m.find()).as("GET /api/audit without an entity names the audited ones: %s", answer.body())
                .isTrue();
        List<String> entities = new ArrayList<>();
        for (String e : m.group(1).split(",")) {
            entities.add(e.trim());
        }
        return entities;
    }

    private Map<String, Long> fingerprint() throws Exception {
        Map<String, Long> print = new TreeMap<>();
        for (String list : fingerprintLists) {
            JsonNode body = JSON.readTree(send(staff, new Probe("fp", "GET", list + "?size=1", null, null, Map.of(),
                    false)).body());
            print.put(list, body.isArray() ? body.size() : body.path("total").asLong(-1));
        }
        for (String entity : auditedEntities) {
            JsonNode body = JSON.readTree(send(staff, new Probe("fp", "GET", "/api/audit?size=1&entity="
                    + URLEncoder.encode(entity, StandardCharsets.UTF_8), null, null, Map.of(), false)).body());
            print.put("audit " + entity, body.path("total").asLong(-1));
        }
        return print;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        for (String key : after.keySet()) {
            if (!after.get(key).equals(before.get(key))) {
                text.append(key).append(": ").append(before.get(key)).append(" → ").append(after.get(key)).append("; ");
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Answer send(String user, Probe probe) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher;
        if (probe.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (probe.chunked()) {
            byte[] bytes = probe.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(probe.body());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + probe.path()))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .method(probe.method(), publisher);
        if (probe.contentType() != null && !probe.contentType().isEmpty() && probe.body() != null) {
            request.header("Content-Type", probe.contentType());
        }
        probe.headers().forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // the server may close the connection on a body it refuses to read to the end; it must have answered
            // or be still alive: a reset after a 413 is fine, a dead server is not
            return new Answer(0, null, "connection closed: " + e);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private static Answer sendHealth() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/modules"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (staff + ":" + staff + "-pw").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), null, response.body());
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t\\x00-\\x1f]", "·");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "…";
    }
}
