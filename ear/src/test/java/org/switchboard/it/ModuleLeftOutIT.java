package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.createUser;
import static org.switchboard.it.Api.unique;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform deploys and works with a feature module left out of the package. */
@ExtendWith(ArquillianExtension.class)
class ModuleLeftOutIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.without("surveys");
    }

    @Test
    void theMissingModuleIsAbsentAndTheRestWorks() {
        List<String> deployed = admin().get("/api/modules").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(deployed).doesNotContain("surveys").contains("core", "leads", "calls");
        admin().get("/api/modules").then().statusCode(200)
                .body("id", not(hasItem("surveys")))
                .body("id", equalTo(List.of("core", "leads", "calls", "aftersales", "reporting")));
        String username = unique("marketer");
        createUser(username, List.of("MARKETER"), null, null);
        Api.as(username, username + "-pw").get("/api/me").then().statusCode(200)
                .body("navigation.key", not(hasItem("surveys")))
                .body("navigation.key", hasItem("aftersales"));
        admin().get("/api/settings").then().statusCode(200);
    }
}
