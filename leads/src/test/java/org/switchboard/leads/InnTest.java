package org.switchboard.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.leads.control.Inn;

class InnTest {

    @Test
    void validOrganisationAndPersonNumbersPass() {
        assertThat(Inn.problem("7707083893")).isNull();
        assertThat(Inn.problem("7830002293")).isNull();
        assertThat(Inn.problem("500100732259")).isNull();
    }

    @Test
    void aWrongCheckDigitIsCaught() {
        assertThat(Inn.problem("7707083894")).isEqualTo("has a wrong check digit");
        assertThat(Inn.problem("500100732258")).isEqualTo("has wrong check digits");
        assertThat(Inn.problem("500100732269")).isEqualTo("has wrong check digits");
    }

    @Test
    void theShapeIsChecked() {
        assertThat(Inn.problem("12345")).contains("10 digits");
        assertThat(Inn.problem("77070838931")).contains("10 digits");
        assertThat(Inn.problem("77070838AB")).contains("10 digits");
        assertThat(Inn.problem(null)).contains("10 digits");
    }
}
