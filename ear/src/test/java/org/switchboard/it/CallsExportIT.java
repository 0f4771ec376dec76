package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.as;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/calls/export: the calls GET /api/calls lists, with its filters and its client scope, as CSV or XLSX. */
@ExtendWith(ArquillianExtension.class)
class CallsExportIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    private static void call(String campaign, String extension, LocalDate day, int minute, int billsec, String disposition,
            String uid) {
        String line = CallsIT.cdr(campaign, extension, freeMobile().substring(1), "PJSIP/" + extension + "-0000e001",
                "PJSIP/trunk-0000e101", "", day.atTime(11, minute), 2, billsec, disposition, uid, null) + "\n";
        admin().contentType("text/csv").body(line.getBytes(StandardCharsets.UTF_8)).post("/api/calls/import/asterisk")
                .then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void theExportHoldsTheListsCallsWithItsFiltersAndAClientOnlyItsOwn() {
        long alpha = createClient(unique("Export Alpha"));
        long beta = createClient(unique("Export Beta"));
        String alphaCampaign = createCampaign(alpha, "OUTBOUND");
        String betaCampaign = createCampaign(beta, "OUTBOUND");
        String extension = freeExtension();
        createUser(unique("expop"), List.of("OPERATOR"), extension, null);
        String alphaUser = unique("expal");
        createUser(alphaUser, List.of("CLIENT"), null, alpha);
        LocalDate day = LocalDate.of(2026, 9, 3);
        String base = "1777" + (System.currentTimeMillis() % 1_000_000L);
        call(alphaCampaign, extension, day, 1, 40, "ANSWERED", base + ".1");
        call(alphaCampaign, extension, day, 2, 0, "NO ANSWER", base + ".2");
        call(betaCampaign, extension, day, 3, 50, "ANSWERED", base + ".3");

        String all = admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("operator", "").queryParam("format", "csv").get("/api/calls/export").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("calls.csv"))
                .extract().asString();
        assertThat(all).contains("started_at", "disposition", alphaCampaign, betaCampaign, "NO ANSWER");

        // the list's filters: only the answered calls of Alpha's campaign
        String answered = admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("campaign", alphaCampaign).queryParam("disposition", "ANSWERED").queryParam("format", "csv")
                .get("/api/calls/export").then().statusCode(200).extract().asString();
        List<String> lines = answered.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(alphaCampaign, "ANSWERED", ",40,");

        // a CLIENT's export holds its own client's calls only, as its list does
        String own = as(alphaUser, alphaUser + "-pw").queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("format", "csv").get("/api/calls/export").then().statusCode(200).extract().asString();
        assertThat(own.lines().count()).isEqualTo(3);
        assertThat(own).contains(alphaCampaign).doesNotContain(betaCampaign);

        byte[] xlsx = admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("campaign", alphaCampaign).queryParam("format", "xlsx").get("/api/calls/export").then()
                .statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

        admin().queryParam("direction", "SIDEWAYS").get("/api/calls/export").then().statusCode(400)
                .body("violations[0].field", equalTo("direction"));
        admin().queryParam("format", "pdf").get("/api/calls/export").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
    }

    @Test
    void anExportLongerThanOnePageHoldsEveryCallOnceNewestFirst() {
        long client = createClient(unique("Export Many"));
        String campaign = createCampaign(client, "OUTBOUND");
        String extension = freeExtension();
        createUser(unique("expmany"), List.of("OPERATOR"), extension, null);
        LocalDate day = LocalDate.of(2026, 9, 4);
        String base = "1778" + (System.currentTimeMillis() % 1_000_000L);
        // 2 503 calls: two full pages of the export's keyset reading and a part; 40 share each start second
        StringBuilder file = new StringBuilder();
        int count = 2_503;
        for (int i = 0; i < count; i++) {
            file.append(CallsIT.cdr(campaign, extension, "7916" + String.format("%07d", i), "PJSIP/" + extension + "-0000m001",
                    "PJSIP/trunk-0000m101", "", day.atTime(9, 0).plusSeconds(i / 40), 2, 30, "ANSWERED", base + "." + i, null))
                    .append('\n');
        }
        admin().contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/calls/import/asterisk").then().statusCode(200).body("imported", equalTo(count));

        List<String> lines = admin().queryParam("campaign", campaign).queryParam("format", "csv")
                .get("/api/calls/export").then().statusCode(200).extract().asString().lines().toList();
        assertThat(lines).hasSize(count + 1);
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<String> starts = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[1]).toList();
        assertThat(starts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
