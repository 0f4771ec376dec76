package org.switchboard.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.reporting.entity.Plan;

class PlanChangeTest {

    /** A trail that keeps what it is given. */
    static final class KeptTrail extends TamperTrail {
        final List<Tamper> kept = new ArrayList<>();

        @Override
        public void record(Tamper change, String by) {
            kept.add(change);
        }
    }

    private static Plan plan(int calls, int leads) {
        return new Plan("olga", LocalDate.of(2026, 12, 1), calls, leads, "supervisor", Instant.EPOCH);
    }

    @Test
    void aNewPlanIsOneEntryPerFieldWithNothingBefore() {
        KeptTrail trail = new KeptTrail();
        Plans.Change change = new Plans.Change();
        change.day(null, 40, 3);
        change.day(null, 40, 3);
        change.record(trail, "olga", 40, 3, "from 2026-12-01 to 2026-12-02", "supervisor");

        assertThat(trail.kept).extracting(Tamper::field).containsExactly("calls", "leads");
        assertThat(trail.kept).allSatisfy(t -> {
            assertThat(t.kind()).isEqualTo(TamperKind.PLAN_CHANGED);
            assertThat(t.subject()).isEqualTo("plan");
            assertThat(t.operator()).isEqualTo("olga");
            assertThat(t.before()).isNull();
            assertThat(t.reason()).isEqualTo("from 2026-12-01 to 2026-12-02");
        });
        assertThat(trail.kept.get(0).after()).isEqualTo("40");
    }

    @Test
    void aChangeNamesEveryValueItReplacedAndAnUnchangedFieldLeavesNoEntry() {
        KeptTrail trail = new KeptTrail();
        Plans.Change change = new Plans.Change();
        change.day(plan(8, 3), 50, 3);
        change.day(plan(40, 3), 50, 3);
        change.day(plan(8, 3), 50, 3);
        change.record(trail, "olga", 50, 3, "from 2026-12-01 to 2026-12-03", "supervisor");

        assertThat(trail.kept).singleElement().satisfies(t -> {
            assertThat(t.field()).isEqualTo("calls");
            assertThat(t.before()).isEqualTo("8, 40");
            assertThat(t.after()).isEqualTo("50");
        });
    }

    @Test
    void daysWithoutAPlanAreNamedNoneAndChangeEveryField() {
        KeptTrail trail = new KeptTrail();
        Plans.Change change = new Plans.Change();
        change.day(plan(40, 3), 50, 3);
        change.day(null, 50, 3);
        change.record(trail, "olga", 50, 3, "from 2026-12-01 to 2026-12-02", "supervisor");

        assertThat(trail.kept).extracting(Tamper::field).containsExactly("calls", "leads");
        assertThat(trail.kept).extracting(Tamper::before).containsExactly("40, none", "3, none");
    }

    @Test
    void theSamePlanAgainLeavesNoEntry() {
        KeptTrail trail = new KeptTrail();
        Plans.Change change = new Plans.Change();
        change.day(plan(40, 3), 40, 3);
        change.record(trail, "olga", 40, 3, "from 2026-12-01 to 2026-12-01", "supervisor");
        assertThat(trail.kept).isEmpty();
    }
}
