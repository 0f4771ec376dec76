package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization matrix as data: {@code access-matrix.csv} says, for every operation of the API, which role may
 * use it and which records it must keep to their owner. One test reads the server's own {@code /openapi}: an
 * operation without a row (a new endpoint nobody decided about) or a row without an operation fails the build.
 * Then every row is asserted for every role, and its scope for an own and another's record:
 *
 * <ul>
 *   <li>{@code allow}: the role passes the access check (the answer is neither 401 nor 403); {@code deny}: 403.</li>
 *   <li>{@code client:K}: a CLIENT user reaches its own client's record of kind K (in the path's {@code {id}} or
 *       {@code {Kid}}) and gets 403 or 404 for another client's; {@code operator:K}: an OPERATOR reaches its own
 *       record of kind K and gets 403 or 404 for a colleague's; {@code client-list:K} and {@code operator-list:K}:
 *       the list a CLIENT or an OPERATOR reads holds its own record of kind K and none of another's.</li>
 * </ul>
 *
 * <p>A role's request carries deliberately invalid input (unknown ids, an unknown JSON field), so an allowed call
 * answers 400 or 404 and changes nothing, while the access check, which runs first, must already have decided.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "OPERATOR", "MARKETER", "CLIENT");
    private static final String NO_SUCH_ID = "999999991";

    /** One row of the matrix. */
    record Row(String method, String path, Map<String, Boolean> allowed, List<String> scopes) {
        String key() {
            return method + " " + path;
        }
    }

    /** The records of one side (own or other): a client with its campaign, operator, contact, call and lead. */
    record Side(long client, String campaign, long campaignId, String operator, String clientUser, long contact,
            long call, long lead) {
        Map<String, Long> ids() {
            return Map.of("client", client, "campaign", campaignId, "contact", contact, "call", call, "lead", lead);
        }
    }

    private static final Map<String, String> USERS = new LinkedHashMap<>();
    /**
     * Bodies for the own/other check of a change where an empty object would already fail the body's own
     * validation, before the record is looked up: valid in form, refused later (a stale version), so nothing changes.
     */
    private static final Map<String, String> SCOPE_BODIES = Map.of(
            "POST /api/leads/{id}/status", "{\"status\":\"QUALIFIED\",\"version\":-1}");
    /** The body type each operation declares first (JSON where it takes JSON): a request of another is a 415. */
    private static final Map<String, String> BODY_TYPES = new LinkedHashMap<>();
    private static Side own;
    private static Side other;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeAll
    static void fixtures() {
        own = side("Own");
        other = side("Other");
        USERS.put("ADMIN", "admin");
        for (String role : List.of("SUPERVISOR", "MARKETER")) {
            String name = unique("matrix-" + role.toLowerCase(Locale.ROOT));
            createUser(name, List.of(role), null, null);
            USERS.put(role, name);
        }
        USERS.put("OPERATOR", own.operator());
        USERS.put("CLIENT", own.clientUser());
    }

    private static Side side(String label) {
        long client = Api.createClient(unique(label + " client"));
        String operator = unique("matrix-op");
        createUser(operator, List.of("OPERATOR"), Api.freeExtension(), null);
        String campaign = Api.createCampaign(client, "INBOUND_AD", List.of(operator));
        long campaignId = admin().get("/api/campaigns?q=" + campaign).then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        String clientUser = unique("matrix-client");
        createUser(clientUser, List.of("CLIENT"), null, client);
        Response logged = as(operator, operator + "-pw").body(Map.of("number", Api.freeMobile(), "campaign", campaign,
                "contactName", label + " Caller " + unique("n"), "outcome", "interested",
                "lead", Map.of("estimatedValue", 1000))).post("/api/calls/inbound");
        logged.then().statusCode(201);
        return new Side(client, campaign, campaignId, operator, clientUser, logged.jsonPath().getLong("contactId"),
                logged.jsonPath().getLong("call.id"), logged.jsonPath().getLong("lead.id"));
    }

    @Test
    void everyOperationHasARowAndEveryRowHolds() throws IOException {
        List<Row> rows = matrix();
        Set<String> documented = operations();
        Set<String> inMatrix = new TreeSet<>();
        rows.forEach(r -> inMatrix.add(r.key()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inMatrix);
        Set<String> stale = new TreeSet<>(inMatrix);
        stale.removeAll(documented);
        assertThat(missing).as("operations in /openapi without a row in access-matrix.csv: decide who may use them")
                .isEmpty();
        assertThat(stale).as("rows of access-matrix.csv for operations /openapi no longer has").isEmpty();

        List<String> failures = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        for (Row row : rows) {
            StringBuilder observed = new StringBuilder(row.method() + "," + row.path());
            for (String role : ROLES) {
                int status = call(role, row, fill(row.path(), Map.of()), true).statusCode();
                boolean passed = status != 401 && status != 403;
                observed.append(',').append(passed ? "allow" : "deny");
                if (status >= 500) {
                    failures.add(row.key() + " as " + role + " → " + status);
                } else if (row.allowed().get(role) && !passed) {
                    failures.add(row.key() + " as " + role + " → " + status + ", the matrix allows it");
                } else if (!row.allowed().get(role) && status != 403) {
                    failures.add(row.key() + " as " + role + " → " + status + ", the matrix says 403");
                }
            }
            observed.append(',').append(String.join(" ", row.scopes()));
            recorded.add(observed.toString());
            for (String scope : row.scopes()) {
                checkScope(row, scope, failures);
            }
        }
        String record = System.getProperty("matrix.record");
        if (record != null) {
            Files.write(Path.of(record), recorded);
        }
        assertThat(failures).as("the access matrix does not hold").isEmpty();
    }

    private void checkScope(Row row, String scope, List<String> failures) {
        String[] parts = scope.split(":", 2);
        String kind = parts[1];
        String role = switch (parts[0]) {
            case "client", "client-list" -> "CLIENT";
            case "operator", "operator-list" -> "OPERATOR";
            default -> throw new IllegalArgumentException("unknown scope " + scope + " in row " + row.key());
        };
        if (!other.ids().containsKey(kind)) {
            throw new IllegalArgumentException("no fixture of kind " + kind + " for row " + row.key());
        }
        if (!row.allowed().get(role)) {
            failures.add(row.key() + ": scope " + scope + " for a role the row denies");
            return;
        }
        if (parts[0].endsWith("-list")) {
            Response answer = call(role, row, row.path() + "?size=500", false);
            if (answer.statusCode() != 200) {
                failures.add(row.key() + " (" + scope + ") as " + role + " → " + answer.statusCode());
                return;
            }
            List<Object> ids = answer.jsonPath().getList("items.id");
            long foreign = other.ids().get(kind);
            long mine = own.ids().get(kind);
            if (ids.stream().anyMatch(id -> ((Number) id).longValue() == foreign)) {
                failures.add(row.key() + " as " + role + " lists another's " + kind + " " + foreign);
            }
            if (ids.stream().noneMatch(id -> ((Number) id).longValue() == mine)) {
                failures.add(row.key() + " as " + role + " does not list its own " + kind + " " + mine);
            }
            return;
        }
        int mine = call(role, row, fill(row.path(), Map.of(kind, own.ids().get(kind))), false).statusCode();
        int theirs = call(role, row, fill(row.path(), Map.of(kind, other.ids().get(kind))), false).statusCode();
        if (mine == 403 || mine == 404 || mine >= 500) {
            failures.add(row.key() + " as " + role + " on its own " + kind + " → " + mine);
        }
        if (theirs != 403 && theirs != 404) {
            failures.add(row.key() + " as " + role + " on another's " + kind + " → " + theirs + ", not 403/404");
        }
    }

    /** The request of a role: invalid input, so that nothing is changed whatever the answer. */
    private static Response call(String role, Row row, String path, boolean invalidBody) {
        String user = USERS.get(role);
        RequestSpecification request = user.equals("admin") ? admin() : as(user, user + "-pw");
        String type = BODY_TYPES.get(row.key());
        if (type != null && !type.equals("application/json")) {
            request = request.contentType(type.equals("*/*") ? "application/octet-stream" : type)
                    .body("matrix probe\n".getBytes(StandardCharsets.UTF_8));
        } else if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
            request = request.body(invalidBody ? "{\"matrixProbe\":true}" : SCOPE_BODIES.getOrDefault(row.key(), "{}"));
        }
        if (invalidBody && path.indexOf('{') < 0 && !path.contains("?")) {
            // operations without a path id get an invalid parameter where they read one, so that they refuse
            path = path + "?date=not-a-date&from=not-a-date";
        }
        return request.request(row.method(), path);
    }

    /** The path with the given kind's id in {id} or {<kind>Id}, and an id no record has everywhere else. */
    private static String fill(String template, Map<String, Long> ids) {
        String path = template;
        int open;
        while ((open = path.indexOf('{')) >= 0) {
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            String value = NO_SUCH_ID;
            if (name.equals("date")) {
                value = "1999-01-01";
            } else if (!ids.isEmpty()) {
                String kind = ids.keySet().iterator().next();
                boolean kindParam = name.equals(kind + "Id");
                boolean idIsKind = name.equals("id") && !template.contains("{" + kind + "Id}");
                if (kindParam || idIsKind) {
                    value = String.valueOf(ids.get(kind));
                }
            }
            path = path.substring(0, open) + value + path.substring(close + 1);
        }
        return path;
    }

    private static Set<String> operations() throws IOException {
        JsonNode openapi = JSON.readTree(Api.anonymous().accept("application/json").get("/openapi").asString());
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    operations.add(key);
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    if (content.has("application/json")) {
                        BODY_TYPES.put(key, "application/json");
                    } else if (content.fieldNames().hasNext()) {
                        BODY_TYPES.put(key, content.fieldNames().next());
                    }
                }
            });
        }
        return operations;
    }

    static List<Row> matrix() throws IOException {
        try (InputStream in = AccessMatrixIT.class.getResourceAsStream("/access-matrix.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            Stream<String> lines = reader.lines();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 2 + ROLES.size() + 1) {
                    throw new IllegalStateException("access-matrix.csv: a row needs method, path, "
                            + String.join(", ", ROLES) + ", scope: " + line);
                }
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String cell = cells[2 + i].trim();
                    if (!cell.equals("allow") && !cell.equals("deny")) {
                        throw new IllegalStateException("access-matrix.csv: allow or deny, not '" + cell + "': " + line);
                    }
                    allowed.put(ROLES.get(i), cell.equals("allow"));
                }
                String scope = cells[cells.length - 1].trim();
                rows.add(new Row(cells[0].trim(), cells[1].trim(), allowed,
                        scope.isEmpty() ? List.of() : List.of(scope.split("\\s+"))));
            }
            return rows;
        }
    }
}
