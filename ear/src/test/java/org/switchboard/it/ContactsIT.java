package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.anonymous;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contacts and companies over HTTP: search, duplicates, merge, do-not-call, erasure and client isolation. */
@ExtendWith(ArquillianExtension.class)
class ContactsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    /** A Saint Petersburg land line no other test uses, and three ways people write it. */
    private static String[] landLine() {
        int n = 1_000_000 + new java.util.Random().nextInt(8_999_999);
        String digits = String.valueOf(n);
        String e164 = "+7812" + digits;
        String a = digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
        return new String[] {e164, "8 (812) " + a, "+7 812 " + digits.substring(0, 3) + " " + digits.substring(3, 5) + " "
                + digits.substring(5)};
    }

    @Test
    void aContactIsFoundByAnyWrittenFormOfItsNumberByNameTagAndCompany() {
        String[] number = landLine();
        String surname = unique("Сидоров");
        long company = admin().body(Map.of("name", unique("ООО Ромашка"), "inn", "7707083893"))
                .post("/api/companies").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> body = new HashMap<>(Map.of("fullName", "Пётр " + surname,
                "phones", List.of(Map.of("number", number[1]), Map.of("number", freeMobile(), "kind", "mobile")),
                "emails", List.of(unique("petr") + "@Example.com"), "tags", List.of("VIP", unique("tag")),
                "companyId", company, "birthday", "1980-05-01", "city", "Санкт-Петербург"));
        JsonPath created = admin().body(body).post("/api/contacts").then().statusCode(201)
                .body("phones[0].number", equalTo(number[0]))
                .body("phones[0].kind", equalTo("work"))
                .body("phones[1].kind", equalTo("mobile"))
                .body("timeZone", equalTo("Europe/Moscow"))
                .body("timeZoneOverridden", equalTo(false))
                .body("owner", equalTo("admin"))
                .extract().jsonPath();
        int id = created.getInt("id");
        assertThat(created.getString("emails[0]")).endsWith("@example.com");

        for (String written : List.of(number[0], number[1], number[2])) {
            admin().queryParam("phone", written).get("/api/contacts").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }
        admin().queryParam("q", "петр " + surname.toUpperCase()).get("/api/contacts").then()
                .body("items.id", hasItem(id));
        admin().queryParam("q", surname.substring(2, 8).toLowerCase()).get("/api/contacts").then()
                .body("items.id", hasItem(id));
        admin().queryParam("tag", "vip").get("/api/contacts").then().body("items.id", hasItem(id));
        admin().queryParam("company", company).get("/api/contacts").then().body("items.id", equalTo(List.of(id)));
        admin().queryParam("phone", "not a phone").get("/api/contacts").then().statusCode(400).contentType(PROBLEM_JSON);
        admin().queryParam("sort", "notes").get("/api/contacts").then().statusCode(400);
    }

    @Test
    void aKnownPhoneOrEmailIsA409WithALinkUnlessDuplicatesAreAllowed() {
        String phone = freeMobile();
        String email = unique("dup") + "@example.com";
        long id = admin().body(Map.of("fullName", "Original", "phones", List.of(Map.of("number", phone)),
                "emails", List.of(email))).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("fullName", "Copy", "phones", List.of(Map.of("number", "8" + phone.substring(2)))))
                .post("/api/contacts").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("existing.id", equalTo((int) id)).body("existing.href", equalTo("/api/contacts/" + id));
        admin().body(Map.of("fullName", "Copy", "emails", List.of(email.toUpperCase())))
                .post("/api/contacts").then().statusCode(409).body("existing.id", equalTo((int) id));
        admin().queryParam("allowDuplicate", true).body(Map.of("fullName", "Namesake", "phones", List.of(Map.of("number", phone))))
                .post("/api/contacts").then().statusCode(201);
    }

    @Test
    void numbersAreFormattedForPeopleInTheOrderGivenAndNonsenseIsMarkedInvalid() {
        admin().queryParam("number", "84951234567").queryParam("number", "+44 20 7946 0958").queryParam("number", "nope")
                .get("/api/phones/format").then().statusCode(200)
                .body("input", contains("84951234567", "+44 20 7946 0958", "nope"))
                .body("international", contains("+7 495 123-45-67", "+44 20 7946 0958", null))
                .body("e164", contains("+74951234567", "+442079460958", null))
                .body("valid", contains(true, true, false));
        admin().get("/api/phones/format").then().statusCode(400).contentType(PROBLEM_JSON);
        anonymous().queryParam("number", "84951234567").get("/api/phones/format").then().statusCode(401);
    }

    @Test
    void badInputNamesEveryField() {
        admin().body(Map.of("fullName", "X", "phones", List.of(Map.of("number", "12"), Map.of("number", "+79210000000", "kind", "fax")),
                "emails", List.of("nope"), "sourceCampaign", "NO-SUCH", "timeZone", "Mars/Base",
                "consent", Map.of("given", true))).post("/api/contacts")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("phones[0].number"))
                .body("violations.field", hasItem("phones[1].kind"))
                .body("violations.field", hasItem("emails[0]"))
                .body("violations.field", hasItem("sourceCampaign"))
                .body("violations.field", hasItem("timeZone"))
                .body("violations.field", hasItem("consent.date"));
        admin().body(Map.of("name", "Bad INN", "inn", "7707083894")).post("/api/companies").then().statusCode(400)
                .body("violations[0].field", equalTo("inn"));
    }

    @Test
    void anEditThatLeavesOutTheSourceCampaignKeepsItAndContactsAreReadByIdWithinTheCallersScope() {
        long client = createClient(unique("Source Client"));
        String campaign = createCampaign(client, "INBOUND_AD");
        String clientUser = unique("srccl");
        createUser(clientUser, List.of("CLIENT"), null, client);
        long id = admin().body(Map.of("fullName", "From The Ad", "phones", List.of(Map.of("number", freeMobile())),
                "sourceCampaign", campaign)).post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Object> phones = admin().get("/api/contacts/" + id).then().extract().jsonPath().getList("phones");
        // an editor that does not know the field (the browser's form before this fix) sends no sourceCampaign
        admin().body(Map.of("fullName", "From The Ad, renamed", "phones", phones, "version", 0))
                .put("/api/contacts/" + id).then().statusCode(200).body("sourceCampaign", equalTo(campaign));
        as(clientUser, clientUser + "-pw").get("/api/contacts/" + id).then().statusCode(200)
                .body("fullName", equalTo("From The Ad, renamed"));
        // several contacts by id in one request (a screen naming its rows' contacts), within the caller's scope
        long other = createContact("Not From The Ad", freeMobile());
        admin().queryParam("id", id).queryParam("id", other).get("/api/contacts").then().statusCode(200)
                .body("total", equalTo(2));
        as(clientUser, clientUser + "-pw").queryParam("id", id).queryParam("id", other).get("/api/contacts").then()
                .statusCode(200).body("items.id", equalTo(List.of((int) id)));
        admin().queryParam("id", "x1").get("/api/contacts").then().statusCode(400).body("violations[0].field", equalTo("id"));
        // an empty one clears it on purpose, and the client no longer sees a contact it did not bring
        admin().body(Map.of("fullName", "From The Ad, renamed", "phones", phones, "sourceCampaign", "", "version", 1))
                .put("/api/contacts/" + id).then().statusCode(200).body("sourceCampaign", equalTo(null));
        as(clientUser, clientUser + "-pw").get("/api/contacts/" + id).then().statusCode(404);
    }

    @Test
    void updatesAreVersionedAndTheTimeZoneCanBeOverridden() {
        long id = createContact("Versioned", freeMobile());
        JsonPath current = admin().get("/api/contacts/" + id).then().body("timeZone", equalTo(null)).extract().jsonPath();
        Map<String, Object> change = new HashMap<>(Map.of("fullName", "Versioned Renamed", "phones",
                current.getList("phones"), "timeZone", "Asia/Yekaterinburg", "version", 0));
        admin().body(change).put("/api/contacts/" + id).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Yekaterinburg")).body("timeZoneOverridden", equalTo(true))
                .body("version", equalTo(1));
        admin().body(change).put("/api/contacts/" + id).then().statusCode(409).contentType(PROBLEM_JSON);
        admin().delete("/api/contacts/" + id).then().statusCode(204);
        admin().queryParam("q", "Versioned Renamed").get("/api/contacts").then().body("items.id", not(hasItem((int) id)));
    }

    @Test
    void mergingKeepsLeadsNumbersAndPointsTheOldContactAtTheSurvivor() {
        long client = createClient(unique("Merge Client"));
        String campaign = createCampaign(client, "OUTBOUND");
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String phoneA = freeMobile();
        String phoneB = freeMobile();
        long survivor = createContact("Anna Survivor", phoneA);
        long merged = createContact("Anna Twin", phoneB);
        long lead = admin().body(Map.of("contactId", merged, "campaign", campaign, "operator", operator))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");

        admin().body(Map.of("sourceId", merged)).post("/api/contacts/" + survivor + "/merge").then().statusCode(200)
                .body("phones.number", equalTo(List.of(phoneA, phoneB)));
        admin().get("/api/leads/" + lead).then().body("contactId", equalTo((int) survivor));
        admin().get("/api/contacts/" + merged).then().body("mergedIntoId", equalTo((int) survivor));
        admin().queryParam("phone", phoneB).get("/api/contacts").then().body("items.id", equalTo(List.of((int) survivor)));
        admin().body(Map.of("sourceId", survivor)).post("/api/contacts/" + survivor + "/merge").then().statusCode(400);
        admin().body(Map.of("sourceId", merged)).post("/api/contacts/" + survivor + "/merge").then().statusCode(409);
    }

    @Test
    void aContactWhoAsksNotToBeCalledIsOnTheListAtOnce() {
        String phone = freeMobile();
        admin().body(Map.of("fullName", "Do Not Call Me", "phones", List.of(Map.of("number", phone)), "doNotCall", true))
                .post("/api/contacts").then().statusCode(201).body("doNotCall", equalTo(true));
        admin().queryParam("number", phone).get("/api/dnc/check").then().body("mayCall", equalTo(false));
        admin().queryParam("number", phone).get("/api/dnc").then().body("total", equalTo(1))
                .body("items[0].contactId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void personalDataIsExportedWholeAndErasedOnRequest() {
        long client = createClient(unique("Erase Client"));
        String campaign = createCampaign(client, "INBOUND_AD");
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String phone = freeMobile();
        String name = unique("Erasable Person");
        long id = admin().body(Map.of("fullName", name, "phones", List.of(Map.of("number", phone)),
                "emails", List.of(unique("erase") + "@example.com"), "notes", "likes tea"))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("contactId", id, "campaign", campaign, "operator", operator)).post("/api/leads")
                .then().statusCode(201);

        admin().get("/api/contacts/" + id + "/personal-data").then().statusCode(200)
                .body("contact.fullName", equalTo(name))
                .body("leads.leads.size()", equalTo(1))
                .body("leads.changes[0].action", equalTo("CREATE"));
        String operatorPassword = operator + "-pw";
        as(operator, operatorPassword).post("/api/contacts/" + id + "/erase").then().statusCode(403);

        admin().post("/api/contacts/" + id + "/erase").then().statusCode(200)
                .body("erased", equalTo(true)).body("phones.size()", equalTo(0)).body("emails.size()", equalTo(0))
                .body("notes", equalTo(null)).body("fullName", not(containsString(name)));
        String everything = admin().get("/api/contacts/" + id + "/personal-data").then().statusCode(200)
                .extract().asString();
        assertThat(everything).doesNotContain(name).doesNotContain("likes tea").doesNotContain(phone);
        admin().queryParam("entity", "Contact").queryParam("id", id).get("/api/audit").then()
                .body("items[0].username", equalTo("admin"))
                .body("items[0].state.erasedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(admin().queryParam("entity", "Contact").queryParam("id", id).get("/api/audit").asString())
                .doesNotContain(name).doesNotContain("likes tea");
        admin().queryParam("contactId", id).get("/api/leads").then().body("total", equalTo(1));
        admin().queryParam("phone", phone).get("/api/contacts").then().body("total", equalTo(0));
    }

    @Test
    void aClientSeesOnlyContactsAndLeadsOfItsOwnCampaigns() {
        long clientA = createClient(unique("Client A"));
        long clientB = createClient(unique("Client B"));
        String campaignA = createCampaign(clientA, "OUTBOUND");
        String campaignB = createCampaign(clientB, "OUTBOUND");
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        long contactA = createContact("Contact of A", freeMobile());
        long contactB = createContact("Contact of B", freeMobile());
        long leadA = admin().body(Map.of("contactId", contactA, "campaign", campaignA, "operator", operator))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");
        long leadB = admin().body(Map.of("contactId", contactB, "campaign", campaignB, "operator", operator))
                .post("/api/leads").then().statusCode(201).extract().jsonPath().getLong("id");
        String viewer = unique("client");
        createUser(viewer, List.of("CLIENT"), null, clientA);
        String pw = viewer + "-pw";

        as(viewer, pw).get("/api/contacts/" + contactA).then().statusCode(200);
        as(viewer, pw).get("/api/contacts/" + contactB).then().statusCode(404).contentType(PROBLEM_JSON);
        as(viewer, pw).get("/api/contacts").then().statusCode(200)
                .body("items.id", hasItem((int) contactA)).body("items.id", not(hasItem((int) contactB)));
        as(viewer, pw).get("/api/leads/" + leadA).then().statusCode(200);
        as(viewer, pw).get("/api/leads/" + leadB).then().statusCode(404);
        as(viewer, pw).get("/api/leads").then().body("items.clientId", org.hamcrest.Matchers.everyItem(equalTo((int) clientA)));
        as(viewer, pw).queryParam("client", clientB).get("/api/leads").then().body("total", equalTo(0));
        as(viewer, pw).get("/api/campaigns").then().body("items.code", equalTo(List.of(campaignA)));
        String export = as(viewer, pw).queryParam("format", "csv").get("/api/leads/export").then().statusCode(200)
                .extract().asString();
        assertThat(export).contains(campaignA).doesNotContain(campaignB);
        as(viewer, pw).body(Map.of("fullName", "Nope")).post("/api/contacts").then().statusCode(403);
    }

    @Test
    void rolesDecideWhoWritesContacts() {
        String marketer = unique("mk");
        createUser(marketer, List.of("MARKETER"), null, null);
        as(marketer, marketer + "-pw").get("/api/contacts").then().statusCode(200);
        as(marketer, marketer + "-pw").body(Map.of("fullName", "X")).post("/api/contacts").then().statusCode(403);
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        as(operator, operator + "-pw").body(Map.of("fullName", "By Operator", "phones", List.of(Map.of("number", freeMobile()))))
                .post("/api/contacts").then().statusCode(201).body("owner", equalTo(operator));
        as(operator, operator + "-pw").post("/api/contacts/1/erase").then().statusCode(403);
        as(operator, operator + "-pw").get("/api/contacts/export").then().statusCode(403);
    }
}
