package org.switchboard.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemException;

class PageRequestTest {

    private static final Map<String, String> SORTABLE = Map.of("username", "username", "createdAt", "createdAt");

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        PageRequest request = PageRequest.of(null, null, null, SORTABLE, "username");
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(request.orderBy("u")).isEqualTo(" ORDER BY u.username ASC, u.id ASC");
    }

    @Test
    void severalSortKeysWithDirections() {
        PageRequest request = PageRequest.of("2", "10", "-createdAt, username", SORTABLE, "username");
        assertThat(request.offset()).isEqualTo(20);
        assertThat(request.orderBy("u")).isEqualTo(" ORDER BY u.createdAt DESC, u.username ASC, u.id ASC");
    }

    @Test
    void aFieldOutsideTheAllowListIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> PageRequest.of(null, null, "passwordHash", SORTABLE, "username"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.violations().get(0).field()).isEqualTo("sort");
                    assertThat(p.violations().get(0).message()).contains("createdAt, username");
                });
        assertThatThrownBy(() -> PageRequest.of(null, null, "username;drop table", SORTABLE, "username"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void pageAndSizeAreChecked() {
        assertThatThrownBy(() -> PageRequest.of("-1", null, null, SORTABLE, "username"))
                .hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of(null, "0", null, SORTABLE, "username"))
                .hasMessageContaining("size");
        assertThatThrownBy(() -> PageRequest.of(null, "501", null, SORTABLE, "username"))
                .hasMessageContaining("size");
        assertThatThrownBy(() -> PageRequest.of("one", null, null, SORTABLE, "username"))
                .hasMessageContaining("whole number");
    }

    @Test
    void aPageBeyondWhatAnOffsetCanHoldIsA400NotAnOverflow() {
        assertThatThrownBy(() -> PageRequest.of("5000000", "500", null, SORTABLE, "username"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).contains("page × size must be at most 2147483647");
                });
        assertThatThrownBy(() -> PageRequest.of("99999999999999999999", "500", null, SORTABLE, "username"))
                .isInstanceOf(ProblemException.class);
        assertThat(PageRequest.of("4294967", "500", null, SORTABLE, "username").offset()).isEqualTo(2_147_483_500);
    }
}
