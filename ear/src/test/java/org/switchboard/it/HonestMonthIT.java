package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An honest first month: three operators call every working day, every lead comes from a counted call of its operator
 * with its contact's number and is entered minutes after it. The busy first days have no history before them. No rule
 * may raise anything — not a lead spike without a baseline, not one of the evidence rules.
 */
@ExtendWith(ArquillianExtension.class)
class HonestMonthIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void anHonestFirstMonthRaisesNoAnomaly() {
        long client = createClient(unique("Honest Month"));
        String campaign = createCampaign(client, "OUTBOUND");
        String clientUser = unique("client");
        createUser(clientUser, List.of("CLIENT"), null, client);
        Random random = new Random(7);
        Map<String, String> operators = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String name = unique("honest");
            String ext = freeExtension();
            createUser(name, List.of("OPERATOR"), ext, null);
            operators.put(name, ext);
        }
        LocalDate first = LocalDate.of(2026, 3, 2);
        LocalDate last = LocalDate.of(2026, 3, 27);
        List<String> lines = new ArrayList<>();
        record Lead(String operator, String number, LocalDateTime callStart, int talk) {
        }
        List<Lead> leads = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            // the first three days are the busiest (a launch): no week before them to compare with
            int leadsToday = day.isBefore(first.plusDays(3)) ? 6 : 1 + random.nextInt(2);
            for (Map.Entry<String, String> op : operators.entrySet()) {
                LocalDateTime at = day.atTime(9, 0);
                for (int call = 0; call < 25; call++) {
                    String number = freeMobile();
                    int talk = call % 5 == 4 ? 0 : 45 + random.nextInt(400);
                    LocalDateTime start = at.plusMinutes(call * 12L);
                    lines.add(CallsIT.cdr(campaign, op.getValue(), number.substring(1), "PJSIP/" + op.getValue() + "-1a",
                            "PJSIP/trunk-1b", "\"Op\" <" + op.getValue() + ">", start, 5, talk,
                            talk > 0 ? "ANSWERED" : "NO ANSWER", UUID.randomUUID().toString().substring(0, 12), null));
                    if (talk > 0 && call < leadsToday * 2 && call % 2 == 0) {
                        leads.add(new Lead(op.getKey(), number, start, talk));
                    }
                }
            }
        }
        admin().contentType("text/csv").body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200);
        Map<String, List<Map<String, Object>>> calls = new HashMap<>();
        for (String op : operators.keySet()) {
            calls.put(op, admin().queryParam("operator", op).queryParam("size", 500).get("/api/calls").then()
                    .statusCode(200).extract().jsonPath().getList("items"));
            assertThat(calls.get(op)).hasSizeGreaterThan(400);
        }
        for (Lead lead : leads) {
            long contact = createContact("Prospect " + lead.number(), lead.number());
            long callId = calls.get(lead.operator()).stream().filter(c -> lead.number().equals(c.get("customerNumber")))
                    .map(c -> ((Number) c.get("id")).longValue()).findFirst().orElseThrow();
            // the month's leads come from the call centre's own sheet: a supervisor imports them with their times
            admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", lead.operator(), "callId", callId,
                    "createdAt", lead.callStart().plusSeconds(lead.talk()).plusMinutes(4).atZone(MOSCOW)
                            .toOffsetDateTime().toString())).post("/api/leads").then().statusCode(201);
        }

        List<Map<String, Object>> found = as(clientUser, clientUser + "-pw").queryParam("from", first.toString())
                .queryParam("to", last.toString()).queryParam("campaign", campaign).get("/api/reports/anomalies").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(found).isEmpty();
        List<Map<String, Object>> days = as(clientUser, clientUser + "-pw").queryParam("from", first.toString())
                .queryParam("to", last.toString()).queryParam("campaign", campaign).get("/api/reports/operator-days").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(days).hasSize(60).allSatisfy(d -> assertThat(d).containsEntry("unbackedLeads", 0)
                .containsEntry("minTalkSeconds", 20));
        assertThat(days.stream().mapToInt(d -> ((Number) d.get("leads")).intValue()).sum()).isEqualTo(leads.size());
    }
}
