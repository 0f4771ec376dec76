package org.switchboard.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSubjectTest {

    private final DataSubject subject = new DataSubject(7, Set.of("Anna Petrova"), Set.of("+79211234567"),
            Set.of("Anna@Example.com"), Set.of());

    @Test
    void aNumberIsSearchedInEveryFormPeopleAndPbxsWriteIt() {
        assertThat(subject.numberForms()).containsExactlyInAnyOrder("+79211234567", "79211234567", "89211234567",
                "9211234567");
    }

    @Test
    void markersAreLongestFirstAndLeaveOutTextsTooShortToCutOutSafely() {
        DataSubject withTexts = subject.withTexts(List.of("ok", "  likes tea at five  ", ""));
        List<String> markers = withTexts.markers();
        assertThat(markers).contains("Anna Petrova", "anna@example.com", "likes tea at five", "9211234567")
                .doesNotContain("ok", "");
        for (int i = 1; i < markers.size(); i++) {
            assertThat(markers.get(i - 1).length()).isGreaterThanOrEqualTo(markers.get(i).length());
        }
    }

    @Test
    void aPseudonymIsTheSameWithinOneErasureAndFitsANumberColumn() {
        Erasure erasure = new Erasure(subject, Instant.now(), "admin");
        String pseudonym = erasure.pseudonym("+79211234567");
        assertThat(pseudonym).isEqualTo(erasure.pseudonym("+79211234567")).startsWith("x-").hasSizeLessThanOrEqualTo(20)
                .doesNotContain("9211234567");
        assertThat(erasure.pseudonym("+79211234568")).isNotEqualTo(pseudonym);
        assertThat(new Erasure(subject, Instant.now(), "admin").pseudonym("+79211234567")).isNotEqualTo(pseudonym);
    }

    @Test
    void aLikePatternMatchesItsValueLiterally() {
        assertThat(TextScrub.like("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    }
}
