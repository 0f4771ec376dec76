package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;

class CallerTest {

    @Test
    void aClientUserSeesOnlyItsClient() {
        Caller caller = new Caller();
        caller.authenticated(1L, "client", EnumSet.of(Role.CLIENT), 7L);
        assertThat(caller.isRestrictedToClient()).isTrue();
        assertThat(caller.clientScope()).isEqualTo(7L);
        assertThat(caller.maySeeClient(7L)).isTrue();
        assertThat(caller.maySeeClient(8L)).isFalse();
        assertThatThrownBy(() -> caller.requireClient(8L)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void staffSeeEveryClient() {
        Caller caller = new Caller();
        caller.authenticated(2L, "sup", EnumSet.of(Role.SUPERVISOR), null);
        assertThat(caller.isRestrictedToClient()).isFalse();
        assertThat(caller.clientScope()).isNull();
        assertThat(caller.maySeeClient(8L)).isTrue();
    }

    @Test
    void aClientUserWithoutAClientSeesNothing() {
        Caller caller = new Caller();
        caller.authenticated(3L, "odd", EnumSet.of(Role.CLIENT), null);
        assertThat(caller.maySeeClient(1L)).isFalse();
    }

    @Test
    void anyoneHoldingClientIsHeldToTheirClientWhateverElseTheyHold() {
        Caller caller = new Caller();
        caller.authenticated(4L, "mixed", EnumSet.of(Role.CLIENT, Role.SUPERVISOR), 7L);
        assertThat(caller.isRestrictedToClient()).isTrue();
        assertThat(caller.readScope()).isEqualTo(7L);
        assertThat(caller.maySeeClient(8L)).isFalse();
    }

    @Test
    void anOperatorWithoutASupervisingRoleIsOnlyAnOperator() {
        Caller operator = new Caller();
        operator.authenticated(5L, "op", EnumSet.of(Role.OPERATOR, Role.MARKETER), null);
        assertThat(operator.isOnlyOperator()).isTrue();
        Caller supervising = new Caller();
        supervising.authenticated(6L, "lead", EnumSet.of(Role.OPERATOR, Role.SUPERVISOR), null);
        assertThat(supervising.isOnlyOperator()).isFalse();
    }
}
