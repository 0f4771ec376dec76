package org.switchboard.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemsTestAccess;

class JsonLimitsTest {

    record Amount(BigDecimal value) {
    }

    @Test
    void deepNestingIsRefusedWithA400NamingTheLimit() {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThatThrownBy(() -> Json.mapper().readValue(deep, Object.class))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(ProblemsTestAccess.status(e)).isEqualTo(400);
                    assertThat(ProblemsTestAccess.detail(e)).contains("nesting depth").contains("64")
                            .doesNotContain("StreamReadConstraints");
                });
    }

    @Test
    void aLongNumberIsRefused() {
        String json = "{\"value\":" + "9".repeat(101) + "}";
        assertThatThrownBy(() -> Json.mapper().readValue(json, Amount.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aDecimalWithAHugeExponentIsRefused() throws Exception {
        assertThat(Json.mapper().readValue("{\"value\":1.5e3}", Amount.class).value()).isEqualByComparingTo("1500");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"value\":1e-300000000}", Amount.class))
                .isInstanceOfSatisfying(JsonProcessingException.class, e ->
                        assertThat(ProblemsTestAccess.detail(e)).contains("value").contains("exponent"));
    }

    @Test
    void aLongStringIsRefused() {
        String json = "{\"a\":\"" + "x".repeat(org.switchboard.core.limits.Limits.JSON_STRING_CHARS + 1) + "\"}";
        assertThatThrownBy(() -> Json.mapper().readValue(json, Map.class)).isInstanceOf(JsonProcessingException.class);
    }
}
