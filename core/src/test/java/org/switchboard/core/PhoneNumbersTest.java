package org.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.phones.PhoneNumbers;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"8 (812) 448-34-54", "+7 812 448 34 54", "+78124483454", "812-448-3454", "7 812 4483454",
            " 8-812-448-34-54 "})
    void everyWrittenFormBecomesTheSameE164(String written) {
        assertThat(PhoneNumbers.toE164(written)).isEqualTo("+78124483454");
    }

    @Test
    void foreignNumbersKeepTheirCountry() {
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.toE164("+375 29 123-45-67")).isEqualTo("+375291234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "hello", "+7 812 448", "8 (000) 000-00-00", "+999 123 456 789"})
    void whatIsNotANumberIsRefusedWithAReason(String written) {
        assertThatThrownBy(() -> PhoneNumbers.toE164(written)).isInstanceOf(PhoneNumbers.InvalidNumber.class)
                .hasMessageContaining("'");
        assertThat(PhoneNumbers.tryE164(written)).isEmpty();
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("  ")).hasMessage("is empty");
    }

    @Test
    void landLinesGiveTheirRegionsTimeZoneMobilesNone() {
        assertThat(PhoneNumbers.timeZone("+78124483454")).contains(ZoneId.of("Europe/Moscow"));
        assertThat(PhoneNumbers.timeZone("+73832000000")).contains(ZoneId.of("Asia/Novosibirsk"));
        assertThat(PhoneNumbers.timeZone("+74232000000")).contains(ZoneId.of("Asia/Vladivostok"));
        assertThat(PhoneNumbers.timeZone("+79111234567")).isEmpty();
    }

    @Test
    void kindsAreGuessed() {
        assertThat(PhoneNumbers.likelyKind("+79111234567")).isEqualTo("mobile");
        assertThat(PhoneNumbers.likelyKind("+78124483454")).isEqualTo("work");
    }

    @Test
    void numbersAreShownForPeople() {
        assertThat(PhoneNumbers.international("+78124483454")).isEqualTo("+7 812 448-34-54");
    }
}
