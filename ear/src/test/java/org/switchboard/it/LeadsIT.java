package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leads over HTTP: creation tied to calls, the status way, filters, versioning and do-not-call. */
@ExtendWith(ArquillianExtension.class)
class LeadsIT {

    private String campaign;
    private String operator;
    private long client;
    private long contact;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Lead Client"));
        operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        campaign = createCampaign(client, "INBOUND_AD", List.of(operator));
        contact = createContact("Lead Person", freeMobile());
    }

    @Test
    void anOperatorRecordsALeadFromACallAndMovesItAlong() {
        String pw = operator + "-pw";
        // the lead's time is the server's: an operator cannot give one
        as(operator, pw).body(Map.of("contactId", contact, "campaign", campaign, "callUniqueid", "1764000000.42",
                "createdAt", "2026-11-27T10:15:30+03:00")).post("/api/leads").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("createdAt"));
        JsonPath created = as(operator, pw).body(Map.of("contactId", contact, "campaign", campaign.toLowerCase(),
                "callUniqueid", "1764000000.42", "estimatedValue", 150000))
                .post("/api/leads").then().statusCode(201)
                .header("Location", containsString("/api/leads/"))
                .body("operator", equalTo(operator)).body("campaign", equalTo(campaign))
                .body("clientId", equalTo((int) client)).body("status", equalTo("NEW"))
                .body("entry", equalTo("LIVE")).body("imported", equalTo(false)).body("enteredBy", equalTo(operator))
                .body("backed", equalTo(false)).body("unbackedReason", equalTo("CALL_NOT_FOUND"))
                .body("history[0].to", equalTo("NEW"))
                .extract().jsonPath();
        int id = created.getInt("id");
        assertThat(created.getString("createdAt")).isEqualTo(created.getString("enteredAt"));

        as(operator, pw).body(Map.of("contactId", contact, "campaign", campaign, "callUniqueid", "1764000000.42"))
                .post("/api/leads").then().statusCode(409).body("existing.id", equalTo(id));
        String other = unique("op");
        createUser(other, List.of("OPERATOR"), freeExtension(), null);
        as(operator, pw).body(Map.of("contactId", contact, "campaign", campaign, "operator", other))
                .post("/api/leads").then().statusCode(403).contentType(PROBLEM_JSON);

        as(operator, pw).body(Map.of("status", "QUALIFIED")).post("/api/leads/" + id + "/status").then().statusCode(200);
        as(operator, pw).body(Map.of("status", "NEW")).post("/api/leads/" + id + "/status").then().statusCode(409)
                .contentType(PROBLEM_JSON);
        as(operator, pw).body(Map.of("status", "LOST")).post("/api/leads/" + id + "/status").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(operator, pw).body(Map.of("status", "LOST", "reason", "bought elsewhere")).post("/api/leads/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("LOST")).body("lostReason", equalTo("bought elsewhere"))
                .body("history.to", equalTo(List.of("NEW", "QUALIFIED", "LOST")))
                .body("history[2].by", equalTo(operator));
        as(operator, pw).body(Map.of("status", "WON")).post("/api/leads/" + id + "/status").then().statusCode(409);
        as(operator, pw).body(Map.of("status", "SOLD")).post("/api/leads/" + id + "/status").then().statusCode(400);
    }

    @Test
    void leadsAreListedByOperatorStatusCampaignAndDay() {
        int day1 = admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator,
                "createdAt", "2026-11-20T23:30:00+03:00")).post("/api/leads").then().statusCode(201)
                .extract().jsonPath().getInt("id");
        int day2 = admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator,
                "createdAt", "2026-11-21T00:30:00+03:00")).post("/api/leads").then().statusCode(201)
                .extract().jsonPath().getInt("id");
        List<Integer> newestFirst = admin().queryParam("operator", operator).get("/api/leads").then()
                .body("total", equalTo(2)).extract().jsonPath().getList("items.id");
        assertThat(newestFirst).containsExactly(day2, day1);
        // a list carries each lead's contact name and first number, so a screen needs no request per contact
        String number = admin().get("/api/contacts/" + contact).then().extract().jsonPath().getString("phones[0].number");
        admin().queryParam("operator", operator).get("/api/leads").then()
                .body("items.contactName", equalTo(List.of("Lead Person", "Lead Person")))
                .body("items.contactNumber", equalTo(List.of(number, number)));
        // a contact with two numbers is named once, with its first number
        String first = freeMobile();
        long twoPhones = admin().body(Map.of("fullName", "Two Phones", "phones", List.of(Map.of("number", first),
                Map.of("number", freeMobile())))).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        String elsewhere = createCampaign(createClient(unique("Two Phones Client")), "INBOUND_AD");
        admin().body(Map.of("contactId", twoPhones, "campaign", elsewhere, "operator", operator,
                "createdAt", "2026-11-22T10:00:00+03:00")).post("/api/leads").then().statusCode(201);
        admin().queryParam("campaign", elsewhere).get("/api/leads").then().statusCode(200)
                .body("items.contactName", equalTo(List.of("Two Phones"))).body("items.contactNumber", equalTo(List.of(first)));
        admin().queryParam("campaign", campaign).queryParam("from", "2026-11-21").queryParam("to", "2026-11-21")
                .get("/api/leads").then().body("items.id", equalTo(List.of(day2)));
        admin().queryParam("campaign", campaign).queryParam("to", "2026-11-20").get("/api/leads").then()
                .body("items.id", equalTo(List.of(day1)));
        admin().queryParam("client", client).queryParam("status", "NEW").queryParam("sort", "createdAt")
                .get("/api/leads").then().body("items.id", equalTo(List.of(day1, day2)));
        admin().queryParam("status", "WON").queryParam("campaign", campaign).get("/api/leads").then().body("total", equalTo(0));
        admin().queryParam("from", "21.11.2026").get("/api/leads").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void badLeadsAreRefusedWithEveryReason() {
        admin().body(Map.of("contactId", 987654321, "campaign", "NO-SUCH", "operator", "nobody")).post("/api/leads")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("contactId", "campaign", "operator")));
        admin().body(Map.of("campaign", campaign, "operator", operator)).post("/api/leads")
                .then().statusCode(400).body("violations.field", hasItem("contactId"));
        admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", "admin")).post("/api/leads")
                .then().statusCode(400).body("violations[0].field", equalTo("operator"));
    }

    @Test
    void updatesAreVersionedAndOnlySupervisorsReassign() {
        int id = admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getInt("id");
        Map<String, Object> change = new HashMap<>(Map.of("estimatedValue", 5000, "notes", "call back Monday", "version", 0));
        as(operator, operator + "-pw").body(change).put("/api/leads/" + id).then().statusCode(200)
                .body("estimatedValue", equalTo(5000)).body("version", equalTo(1));
        as(operator, operator + "-pw").body(change).put("/api/leads/" + id).then().statusCode(409);
        String other = unique("op");
        createUser(other, List.of("OPERATOR"), freeExtension(), null);
        Map<String, Object> reassign = new HashMap<>(Map.of("operator", other, "version", 1));
        as(operator, operator + "-pw").body(reassign).put("/api/leads/" + id).then().statusCode(403);
        admin().body(reassign).put("/api/leads/" + id).then().statusCode(200).body("operator", equalTo(other));
        admin().queryParam("operator", operator).get("/api/leads").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void doNotCallListsAreGlobalOrPerClient() {
        String phone = freeMobile();
        String written = "8 " + phone.substring(2, 5) + " " + phone.substring(5);
        admin().body(Map.of("number", written, "reason", "asked on a call", "clientId", client)).post("/api/dnc")
                .then().statusCode(201).body("number", equalTo(phone)).body("clientId", equalTo((int) client));
        admin().body(Map.of("number", phone, "clientId", client)).post("/api/dnc").then().statusCode(200);
        admin().queryParam("number", phone).queryParam("clientId", client).get("/api/dnc/check").then()
                .body("mayCall", equalTo(false));
        long otherClient = createClient(unique("Other"));
        admin().queryParam("number", phone).queryParam("clientId", otherClient).get("/api/dnc/check").then()
                .body("mayCall", equalTo(true));
        int global = admin().body(Map.of("number", phone)).post("/api/dnc").then().statusCode(201)
                .extract().jsonPath().getInt("id");
        admin().queryParam("number", phone).queryParam("clientId", otherClient).get("/api/dnc/check").then()
                .body("mayCall", equalTo(false));
        as(operator, operator + "-pw").delete("/api/dnc/" + global).then().statusCode(403);
        admin().delete("/api/dnc/" + global).then().statusCode(204);
        admin().queryParam("number", phone).queryParam("clientId", otherClient).get("/api/dnc/check").then()
                .body("mayCall", equalTo(true));
        admin().body(Map.of("number", "12345")).post("/api/dnc").then().statusCode(400).contentType(PROBLEM_JSON);
        String viewer = unique("client");
        createUser(viewer, List.of("CLIENT"), null, otherClient);
        as(viewer, viewer + "-pw").queryParam("number", phone).get("/api/dnc").then().body("total", equalTo(0));
    }
}
