package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's reach, attacked with a colleague's credentials: another's leads, offer codes and callbacks, campaigns
 * the operator is not assigned to (of their client and of another), a CLIENT user who is also staff, and info e-mails
 * to addresses that are not the contact's or over the hourly limit. Each refusal is checked for its status and for
 * leaving nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorScopeIT {

    private long client;
    private String op1;
    private String op2;
    private String supervisor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Scope Client"));
        op1 = unique("op");
        createUser(op1, List.of("OPERATOR"), freeExtension(), null);
        op2 = unique("op");
        createUser(op2, List.of("OPERATOR"), freeExtension(), null);
        supervisor = unique("sup");
        createUser(supervisor, List.of("SUPERVISOR"), null, null);
    }

    @AfterEach
    void realTime() {
        admin().body(Map.of()).put("/api/system/clock").then().statusCode(200);
    }

    private static RequestSpecification as(String username) {
        return Api.as(username, username + "-pw");
    }

    /** A campaign of a client with these operators: its id and code. */
    private static Map.Entry<Long, String> campaign(long client, String type, List<String> operators) {
        String code = unique("SC").toUpperCase();
        long id = admin().body(Map.of("code", code, "name", "Scope " + code, "type", type, "clientId", client,
                "operators", operators)).post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        return Map.entry(id, code);
    }

    private static void clock(String offsetDateTime) {
        admin().body(Map.of("now", offsetDateTime)).put("/api/system/clock").then().statusCode(200);
    }

    private static void problem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
    }

    @Test
    void anOperatorSeesAndChangesOnlyTheirOwnLeads() {
        String code = campaign(client, "INBOUND_AD", List.of(op1, op2)).getValue();
        long contact = Api.createContact("Scope Lead", freeMobile());
        long lead = as(op1).body(Map.of("contactId", contact, "campaign", code, "notes", "mine")).post("/api/leads")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        assertThat(as(op2).queryParam("campaign", code).get("/api/leads").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).isEmpty();
        assertThat(as(op2).queryParam("operator", op1).get("/api/leads").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isZero();
        problem(as(op2).get("/api/leads/" + lead), 404);
        problem(as(op2).body(Map.of("notes", "stolen", "estimatedValue", 1, "version", 0)).put("/api/leads/" + lead), 404);
        problem(as(op2).body(Map.of("status", "LOST", "reason", "sabotage")).post("/api/leads/" + lead + "/status"), 404);
        admin().get("/api/leads/" + lead).then().statusCode(200).body("notes", equalTo("mine"))
                .body("status", equalTo("NEW")).body("version", equalTo(0));

        // the owner and the supervisor still do
        assertThat(as(op1).queryParam("campaign", code).get("/api/leads").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).containsExactly(lead);
        as(op1).get("/api/leads/" + lead).then().statusCode(200);
        as(supervisor).get("/api/leads/" + lead).then().statusCode(200);
        assertThat(as(supervisor).queryParam("campaign", code).get("/api/leads").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).containsExactly(lead);
    }

    @Test
    void anOperatorAttributesWorkOnlyToTheCampaignsTheyAreAssignedTo() {
        String mine = campaign(client, "INBOUND_AD", List.of(op1)).getValue();
        String unassigned = campaign(client, "INBOUND_AD", List.of(op2)).getValue();
        String foreign = campaign(createClient(unique("Other Scope Client")), "INBOUND_AD", List.of(op2)).getValue();
        String phone = freeMobile();
        long contact = Api.createContact("Scope Attributed", phone);

        for (String campaign : List.of(unassigned, foreign)) {
            Response lead = as(op1).body(Map.of("contactId", contact, "campaign", campaign)).post("/api/leads");
            problem(lead, 403);
            assertThat(lead.jsonPath().getString("detail")).contains(campaign);
            String number = freeMobile();
            Response call = as(op1).body(Map.of("number", number, "campaign", campaign, "contactName", "Walk-in",
                    "lead", Map.of("estimatedValue", 10))).post("/api/calls/inbound");
            problem(call, 403);
            assertThat(call.jsonPath().getString("detail")).contains(campaign);
            // nothing of the call was stored: no call, no lead, no contact registered on the spot
            assertThat(admin().queryParam("campaign", campaign).get("/api/leads").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();
            assertThat(admin().queryParam("campaign", campaign).get("/api/calls").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();
            assertThat(admin().queryParam("phone", number).get("/api/contacts").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();

            String contactNumber = freeMobile();
            problem(as(op1).body(Map.of("fullName", "Attributed Elsewhere", "phones", List.of(Map.of("number",
                    contactNumber)), "sourceCampaign", campaign)).post("/api/contacts"), 403);
            assertThat(admin().queryParam("phone", contactNumber).get("/api/contacts").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();
            JsonPath current = admin().get("/api/contacts/" + contact).then().statusCode(200).extract().jsonPath();
            problem(as(op1).body(Map.of("fullName", "Scope Attributed", "phones", List.of(Map.of("number", phone)),
                    "sourceCampaign", campaign, "version", current.getLong("version"))).put("/api/contacts/" + contact), 403);
            admin().get("/api/contacts/" + contact).then().body("sourceCampaign", equalTo(null))
                    .body("version", equalTo(current.getInt("version")));

            String imported = freeMobile();
            as(op1).contentType("text/csv").body(("full_name,phone,source_campaign\nImported Elsewhere," + imported
                    + "," + campaign + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/contacts/import").then().statusCode(200).body("imported", equalTo(0))
                    .body("rejected[0].column", equalTo("source_campaign"));
            assertThat(admin().queryParam("phone", imported).get("/api/contacts").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();

            Map<String, Object> meeting = new HashMap<>(Map.of("contactId", contact, "manager", supervisor,
                    "start", "2027-03-01T10:00:00+03:00", "end", "2027-03-01T11:00:00+03:00", "campaign", campaign));
            problem(as(op1).body(meeting).post("/api/meetings"), 403);
            assertThat(admin().queryParam("campaign", campaign).get("/api/meetings").then().statusCode(200).extract()
                    .jsonPath().getInt("total")).isZero();
        }

        // in their own campaign all of it works, and a supervisor attributes to any campaign
        as(op1).body(Map.of("contactId", contact, "campaign", mine)).post("/api/leads").then().statusCode(201);
        as(op1).body(Map.of("number", freeMobile(), "campaign", mine)).post("/api/calls/inbound").then().statusCode(201);
        as(supervisor).body(Map.of("contactId", contact, "campaign", foreign, "operator", op2)).post("/api/leads").then()
                .statusCode(201);
    }

    @Test
    void anOperatorCannotCloseAColleaguesCallback() {
        long campaign = campaign(client, "OUTBOUND", List.of(op1, op2)).getKey();
        long contact = admin().body(Map.of("fullName", "Scope Callback", "phones",
                List.of(Map.of("number", OutboundIT.moscowNumber())))).post("/api/contacts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin().body(Map.of("contactIds", List.of(contact))).post("/api/campaigns/" + campaign + "/list").then()
                .statusCode(200);
        clock("2026-12-01T10:00:00+03:00");
        long entry = as(op1).post("/api/campaigns/" + campaign + "/next").then().statusCode(200).extract().jsonPath()
                .getLong("id");
        long callback = as(supervisor).body(Map.of("entryId", entry, "dueAt", "2026-12-01T14:00:00+03:00",
                "owner", op2)).post("/api/callbacks").then().statusCode(201).extract().jsonPath().getLong("id");

        Response closing = as(op1).body(Map.of("outcome", "COMPLETED"))
                .post("/api/campaigns/" + campaign + "/entries/" + entry + "/outcome");
        problem(closing, 403);
        assertThat(closing.jsonPath().getString("detail")).contains("callback " + callback);
        admin().get("/api/callbacks/" + callback).then().statusCode(200).body("state", equalTo("OPEN"))
                .body("owner", equalTo(op2));
        JsonPath list = admin().get("/api/campaigns/" + campaign + "/list").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("entries.items.lastOutcome")).containsOnlyNulls();
        assertThat(list.getList("entries.items.attempts", Integer.class)).containsOnly(0);
    }

    @Test
    void anOperatorSeesAndRedeemsAnOfferOnlyOnTheEntryTheyHold() {
        String day = "2026-12-15";
        String tag = unique("scope").toLowerCase();
        String marketer = unique("mkt");
        createUser(marketer, List.of("MARKETER"), null, null);
        Map.Entry<Long, String> campaign = campaign(client, "AFTER_SALES", List.of(op1, op2));
        long rule = as(marketer).body(Map.of("type", "BIRTHDAY", "name", unique("Birthday"), "campaign",
                campaign.getValue(), "daysBefore", 0, "audience", Map.of("tag", tag), "script", "Happy birthday",
                "offer", Map.of("kind", "GIFT", "value", "a mug", "validDays", 10))).post("/api/aftersales/rules").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        for (String name : List.of("Anna Scope", "Boris Scope")) {
            admin().body(Map.of("fullName", name, "tags", List.of(tag), "birthday", "1985-12-15", "phones",
                    List.of(Map.of("number", OutboundIT.moscowNumber())))).post("/api/contacts").then().statusCode(201);
        }
        admin().post("/api/aftersales/generate?date=" + day).then().statusCode(200);
        clock(day + "T12:00:00+03:00");
        long held = as(op1).post("/api/campaigns/" + campaign.getKey() + "/next").then().statusCode(200).extract()
                .jsonPath().getLong("id");
        List<Map<String, Object>> tasks = admin().get("/api/aftersales/tasks?rule=" + rule).then().statusCode(200)
                .extract().jsonPath().getList("items");
        String code = (String) tasks.stream().filter(t -> ((Number) t.get("entryId")).longValue() == held).findFirst()
                .orElseThrow().get("offerCode");

        // the colleague: no list of every task, nothing on an entry they do not hold, nothing through their own entry
        problem(as(op2).get("/api/aftersales/tasks"), 400);
        problem(as(op2).get("/api/aftersales/tasks?entry=" + held), 403);
        problem(as(op2).get("/api/aftersales/offers/" + code), 400);
        problem(as(op2).get("/api/aftersales/offers/" + code + "?entry=" + held), 403);
        problem(as(op2).post("/api/aftersales/offers/" + code + "/redeem"), 400);
        problem(as(op2).post("/api/aftersales/offers/" + code + "/redeem?entry=" + held), 403);
        long own = as(op2).post("/api/campaigns/" + campaign.getKey() + "/next").then().statusCode(200).extract()
                .jsonPath().getLong("id");
        assertThat(own).isNotEqualTo(held);
        problem(as(op2).get("/api/aftersales/offers/" + code + "?entry=" + own), 404);
        problem(as(op2).post("/api/aftersales/offers/" + code + "/redeem?entry=" + own), 404);
        admin().get("/api/aftersales/offers/" + code).then().statusCode(200).body("redeemedAt", equalTo(null));

        // the operator holding the entry sees its offer and redeems it with the entry
        assertThat(as(op1).get("/api/aftersales/tasks?entry=" + held).then().statusCode(200).extract().jsonPath()
                .getList("items.offerCode", String.class)).containsExactly(code);
        as(op1).post("/api/aftersales/offers/" + code + "/redeem?entry=" + held).then().statusCode(200)
                .body("redeemedBy", equalTo(op1));
    }

    @Test
    void aClientUserCannotAlsoBeStaff() {
        String mixed = unique("mixed");
        Map<String, Object> body = new HashMap<>(Map.of("username", mixed, "password", mixed + "-pw", "fullName",
                "Mixed", "roles", List.of("CLIENT", "OPERATOR"), "extension", freeExtension(), "clientId", client));
        Response created = admin().body(body).post("/api/users");
        problem(created, 400);
        assertThat(created.jsonPath().getString("violations[0].field")).isEqualTo("roles");
        assertThat(created.jsonPath().getString("detail")).contains("CLIENT");
        assertThat(admin().queryParam("q", mixed).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isZero();

        String clientUser = unique("cli");
        long id = ((Number) createUser(clientUser, List.of("CLIENT"), null, client).get("id")).longValue();
        Response promoted = admin().body(Map.of("fullName", "Promoted", "roles", List.of("CLIENT", "SUPERVISOR"),
                "clientId", client, "version", 0)).put("/api/users/" + id);
        problem(promoted, 400);
        admin().get("/api/users/" + id).then().statusCode(200).body("roles", equalTo(List.of("CLIENT")))
                .body("version", equalTo(0));
    }

    @Test
    void infoMailsGoOnlyToTheContactsAddressesAndNotOverTheLimit() {
        Map.Entry<Long, String> campaign = campaign(client, "INBOUND_AD", List.of(op1, op2));
        admin().body(Map.of("name", "Prices", "subject", "The prices", "text", "Dear {{contact.fullName}}"))
                .post("/api/campaigns/" + campaign.getKey() + "/templates").then().statusCode(201);
        String number = freeMobile();
        String own = unique("own").toLowerCase() + "@example.com";
        long contact = admin().body(Map.of("fullName", "Mail Scope", "phones", List.of(Map.of("number", number)),
                "emails", List.of(own))).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");

        String stranger = unique("stranger").toLowerCase() + "@example.com";
        Response relayed = as(op1).body(Map.of("number", number, "contactId", contact, "campaign", campaign.getValue(),
                "info", Map.of("email", stranger))).post("/api/calls/inbound");
        problem(relayed, 400);
        assertThat(relayed.jsonPath().getString("violations[0].field")).isEqualTo("email");
        assertThat(relayed.jsonPath().getString("detail")).contains("add it to the contact first");
        assertThat(outboxAddresses()).doesNotContain(stranger);
        assertThat(admin().queryParam("campaign", campaign.getValue()).get("/api/calls").then().extract().jsonPath()
                .getInt("total")).isZero();
        admin().get("/api/contacts/" + contact).then().body("emails", equalTo(List.of(own)));

        JsonPath settings = admin().get("/api/settings").then().statusCode(200).extract().jsonPath();
        int before = settings.getInt("infoMailsPerHour");
        Map<String, Object> limited = new HashMap<>(settings.getMap("$"));
        limited.put("infoMailsPerHour", 2);
        long version = admin().body(limited).put("/api/settings").then().statusCode(200)
                .body("infoMailsPerHour", equalTo(2)).extract().jsonPath().getLong("version");
        try {
            for (int i = 0; i < 2; i++) {
                as(op1).body(Map.of("number", number, "contactId", contact, "campaign", campaign.getValue(),
                        "info", Map.of("email", own))).post("/api/calls/inbound").then().statusCode(201)
                        .body("infoMailId", notNullValue());
            }
            Response over = as(op1).body(Map.of("number", number, "contactId", contact, "campaign",
                    campaign.getValue(), "info", Map.of("email", own))).post("/api/calls/inbound");
            problem(over, 429);
            assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(over.jsonPath().getString("detail")).contains("infoMailsPerHour");
            assertThat(outboxAddresses().stream().filter(own::equals)).hasSize(2);
            assertThat(admin().queryParam("campaign", campaign.getValue()).get("/api/calls").then().extract()
                    .jsonPath().getInt("total")).isEqualTo(2);
            // the limit is each operator's own
            as(op2).body(Map.of("number", number, "contactId", contact, "campaign", campaign.getValue(),
                    "info", Map.of("email", own))).post("/api/calls/inbound").then().statusCode(201)
                    .body("infoMailId", notNullValue());
            admin().body(limited).put("/api/settings").then().statusCode(409);
        } finally {
            Map<String, Object> restored = new HashMap<>(admin().get("/api/settings").then().extract().jsonPath()
                    .getMap("$"));
            restored.put("infoMailsPerHour", before);
            admin().body(restored).put("/api/settings").then().statusCode(200)
                    .body("version", equalTo((int) version + 1));
        }
        admin().body(Map.of("infoMailsPerHour", 0)).put("/api/settings").then().statusCode(400)
                .body("violations.field", hasItem("infoMailsPerHour"));
    }

    private static List<String> outboxAddresses() {
        return admin().queryParam("category", "info").queryParam("size", 500).get("/api/outbox").then().statusCode(200)
                .extract().jsonPath().getList("items.to.flatten()", String.class);
    }
}
