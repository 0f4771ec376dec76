package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.switchboard.it.Api.admin;
import static org.switchboard.it.Api.anonymous;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health on the management port, the API document, and the modules of the full package. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void readinessChecksTheDatabaseAndTheSchema() {
        given().baseUri("http://localhost:9990").get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.schema", equalTo("migrated"));
    }

    @Test
    void theApiDocumentIsPublicAndDescribesTheApi() {
        String yaml = given().baseUri(Api.BASE).get("/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml).contains("/api/contacts").contains("/api/calls/import/asterisk").contains("Switchboard API");
        given().baseUri(Api.BASE).accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/users"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/settings"))
                .body("components.securitySchemes.basic.scheme", equalTo("basic"));
    }

    @Test
    void everyModuleIsDeployedInDependencyOrderWithItsSchema() {
        admin().get("/api/modules").then().statusCode(200)
                .body("id", equalTo(List.of("core", "leads", "calls", "aftersales", "reporting", "surveys")))
                .body("find { it.id == 'core' }.schemaVersion", equalTo("10"))
                .body("find { it.id == 'leads' }.schemaVersion", equalTo("2"));
    }

    @Test
    void theBrowserEntryPointIsServedAtTheRoot() {
        anonymous().get("/").then().statusCode(200).body(containsString("Switchboard"));
        admin().get("/api/me").then().body("navigation.key", hasItem("admin.users"));
    }
}
