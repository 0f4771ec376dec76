package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createCampaign;
import static org.switchboard.it.Api.createClient;
import static org.switchboard.it.Api.createContact;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.freeExtension;
import static org.switchboard.it.Api.freeMobile;
import static org.switchboard.it.Api.unique;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reporting depends on core only: without the calls module (and the modules built on it) it deploys and counts leads. */
@ExtendWith(ArquillianExtension.class)
class ReportingWithoutCallsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.without("calls", "surveys", "aftersales");
    }

    @Test
    void reportsWorkOnTheLeadsAlone() {
        assertThat(admin().get("/api/modules").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .containsExactly("core", "leads", "reporting");
        String operator = unique("op");
        createUser(operator, List.of("OPERATOR"), freeExtension(), null);
        String campaign = createCampaign(createClient(unique("Solo Client")), "INBOUND_AD");
        long contact = createContact("Solo Contact", freeMobile());
        admin().body(Map.of("contactId", contact, "campaign", campaign, "operator", operator,
                "createdAt", "2026-05-04T12:00:00+03:00")).post("/api/leads").then().statusCode(201);
        List<Map<String, Object>> rows = admin().queryParam("from", "2026-05-04").queryParam("to", "2026-05-04")
                .queryParam("operator", operator).get("/api/reports/operator-days").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("calls", 0)
                .containsEntry("leads", 1).containsEntry("unbackedLeads", 1));
    }
}
