package org.switchboard.core.imports.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemException;

class ImportFailureTextTest {

    @Test
    void aDatabaseRefusalIsToldWithoutItsWords() {
        SQLException duplicate = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"leads_contact_phone_uk\"", "23505");
        String reason = Imports.humanReason(new IllegalStateException("could not execute statement", duplicate), 7);
        assertThat(reason).contains("conflicts with data already stored").containsPattern("reference urn:uuid:[0-9a-f-]{36}")
                .doesNotContain("leads_").doesNotContain("duplicate key").doesNotContain("statement");
    }

    @Test
    void anyOtherFailureBecomesAPlainSentenceWithAReference() {
        String reason = Imports.humanReason(new RuntimeException(new SQLException(
                "Value too long for column \"FULL_NAME CHARACTER VARYING(300)\": SQL statement: insert into leads_contact",
                "22001")), 7);
        assertThat(reason).startsWith("the server could not store it (reference urn:uuid:")
                .doesNotContainIgnoringCase("sql").doesNotContain("leads_").doesNotContain("VARYING");
    }

    @Test
    void aRefusalMeantForTheCallerKeepsItsWords() {
        assertThat(Imports.humanReason(new IllegalStateException(ProblemException.badRequest("the phone is not valid")), 7))
                .isEqualTo("the phone is not valid");
    }
}
