package org.switchboard.core.settings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.switchboard.core.settings.entity.Settings;

class SettingsTest {

    @Test
    void aLongCallMustBeLongerThanTheShortestCountedCall() {
        assertThatThrownBy(() -> new Settings.Thresholds(30, 30, 5, BigDecimal.valueOf(3), 7, 20, 40, 3, 5, 80))
                .hasMessageContaining("longCallSeconds");
        assertThatCode(() -> new Settings.Thresholds(20, 1200, 5, BigDecimal.valueOf(3), 7, 20, 40, 3, 5, 80))
                .doesNotThrowAnyException();
    }

    @Test
    void theSessionIdleTimeoutStaysBetweenFiveMinutesAndAWorkingDay() throws Exception {
        var constructor = Settings.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        Settings settings = constructor.newInstance();
        assertThatThrownBy(() -> settings.sessionIdle(4)).hasMessageContaining("sessionIdleMinutes");
        assertThatThrownBy(() -> settings.sessionIdle(481)).hasMessageContaining("sessionIdleMinutes");
        settings.sessionIdle(5);
        settings.sessionIdle(480);
        assertThat(settings.sessionIdleMinutes()).isEqualTo(480);
    }
}
