package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.PROBLEM_JSON;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the contacts and leads screens added to the API, over HTTP: exports that take the lists' filters, a lead's
 * status change that checks the version read, and a contact's callbacks.
 */
@ExtendWith(ArquillianExtension.class)
class ContactScreensApiIT {

    private String operator;
    private String campaign;
    private long campaignId;
    private long client;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        client = createClient(unique("Screens Client"));
        operator = unique("scrop");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        campaign = unique("SCR").toUpperCase();
        campaignId = admin().body(Map.of("code", campaign, "name", "Screens " + campaign, "type", "OUTBOUND",
                "clientId", client, "operators", List.of(operator))).post("/api/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static long contact(String name, String tag) {
        return admin().body(Map.of("fullName", name, "phones", List.of(Map.of("number", freeMobile())), "tags", List.of(tag)))
                .post("/api/contacts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long lead(long contact) {
        return admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator)).post("/api/leads")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theContactExportTakesTheListsFiltersAndRefusesABadNumberBeforeStreaming() {
        String tag = unique("exp");
        String a = unique("Export Alpha");
        String b = unique("Export Beta");
        contact(a, tag);
        contact(b, tag);
        String other = unique("Export Other");
        contact(other, unique("exp"));

        String csv = admin().queryParam("tag", tag).queryParam("format", "csv").get("/api/contacts/export").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).toList()).hasSize(2).anyMatch(l -> l.contains(a)).anyMatch(l -> l.contains(b));
        assertThat(csv).doesNotContain(other);
        String byName = admin().queryParam("q", a).queryParam("tag", tag).queryParam("format", "csv")
                .get("/api/contacts/export").then().statusCode(200).extract().asString();
        assertThat(byName.lines().skip(1).toList()).hasSize(1).allMatch(l -> l.contains(a));
        // a number nobody holds: the header only; a number that is none: 400 before any byte of the file
        String nobody = admin().queryParam("phone", freeMobile()).queryParam("format", "csv").get("/api/contacts/export")
                .then().statusCode(200).extract().asString();
        assertThat(nobody.lines().toList()).hasSize(1);
        admin().queryParam("phone", "12").queryParam("format", "csv").get("/api/contacts/export").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("phone"));
    }

    @Test
    void theLeadExportTakesTheListsFiltersAndAStatusChangeChecksTheVersionSent() {
        String tag = unique("lds");
        long first = lead(contact(unique("Lead One"), tag));
        long second = lead(contact(unique("Lead Two"), tag));
        admin().body(Map.of("status", "QUALIFIED")).post("/api/leads/" + second + "/status").then().statusCode(200)
                .body("status", equalTo("QUALIFIED"));

        String csv = admin().queryParam("campaign", campaign).queryParam("status", "NEW").queryParam("format", "csv")
                .get("/api/leads/export").then().statusCode(200).extract().asString();
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith(first + ",");
        assertThat(admin().queryParam("campaign", campaign).queryParam("format", "csv").get("/api/leads/export").then()
                .statusCode(200).extract().asString().lines().count()).isEqualTo(3);
        admin().queryParam("status", "MAYBE").get("/api/leads/export").then().statusCode(400).contentType(PROBLEM_JSON);

        long version = admin().get("/api/leads/" + first).then().statusCode(200).extract().jsonPath().getLong("version");
        as(operator, operator + "-pw").body(Map.of("status", "QUALIFIED", "version", version))
                .post("/api/leads/" + first + "/status").then().statusCode(200).body("status", equalTo("QUALIFIED"));
        // the same version again is outdated now: refused, the lead stays where it is
        as(operator, operator + "-pw").body(Map.of("status", "WON", "version", version))
                .post("/api/leads/" + first + "/status").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("title", equalTo("Edit conflict"));
        admin().get("/api/leads/" + first).then().body("status", equalTo("QUALIFIED"));
    }

    @Test
    void aContactsCallbacksAreListedByContactId() {
        String tag = unique("cb");
        long mine = contact(unique("Callback Mine"), tag);
        long other = contact(unique("Callback Other"), tag);
        String note = unique("after lunch");
        for (long contact : new long[] {mine, other}) {
            admin().body(Map.of("campaignId", campaignId, "contactId", contact, "dueAt", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).plusDays(7) + "T14:00",
                    "owner", operator, "note", note + contact)).post("/api/callbacks").then().statusCode(201);
        }
        admin().queryParam("contactId", mine).queryParam("state", "all").get("/api/callbacks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].contactId", equalTo((int) mine))
                .body("items[0].note", equalTo(note + mine));
        // the operator who owns them sees the contact's one as well
        as(operator, operator + "-pw").queryParam("contactId", other).get("/api/callbacks").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].note", equalTo(note + other));
    }
}
