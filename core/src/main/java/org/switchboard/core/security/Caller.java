package org.switchboard.core.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Set;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

/**
 * Who is calling the API in this request, set by {@link AccessFilter} after authentication.
 * Resources use it for client isolation: a CLIENT user sees only its own client's data.
 */
@RequestScoped
public class Caller {

    private Long userId;
    private String username;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Long clientId;

    void authenticated(Long userId, String username, Set<Role> roles, Long clientId) {
        this.userId = userId;
        this.username = username;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.clientId = clientId;
    }

    public boolean isAuthenticated() {
        return username != null;
    }

    public Long userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * A caller bound to one client: anyone holding CLIENT. The role cannot be combined with a staff role (see
     * {@link User#combinesClientWithStaff()}); should such an account exist anyway, it is still held to its client.
     */
    public boolean isRestrictedToClient() {
        return roles.contains(Role.CLIENT);
    }

    /**
     * An operator without a supervising role (SUPERVISOR or ADMIN): sees and changes only their own work, and
     * attributes records only to the campaigns they are assigned to.
     */
    public boolean isOnlyOperator() {
        return roles.contains(Role.OPERATOR) && !roles.contains(Role.SUPERVISOR) && !roles.contains(Role.ADMIN);
    }

    /** The client this caller is bound to, or null for call-centre staff who see every client. */
    public Long clientScope() {
        return isRestrictedToClient() ? clientId : null;
    }

    /**
     * The client a read is limited to: null for staff (every client), the own client for a CLIENT user — and
     * for a CLIENT user without a client an id no client has, so that they see nothing.
     */
    public Long readScope() {
        if (!isRestrictedToClient()) {
            return null;
        }
        return clientId == null ? -1L : clientId;
    }

    public boolean maySeeClient(Long candidateClientId) {
        return !isRestrictedToClient() || (clientId != null && clientId.equals(candidateClientId));
    }

    /** Refuses a read or write of another client's data. */
    public void requireClient(Long candidateClientId) {
        if (!maySeeClient(candidateClientId)) {
            throw ProblemException.forbidden("You may see only the data of your own client");
        }
    }
}
