package org.switchboard.core.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.people.boundary.UserInput;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

/** Creating, changing and removing accounts, with the rules that span more than one user. */
@ApplicationScoped
public class UserAccounts {

    public static final Map<String, String> SORTABLE = Map.of(
            "username", "username", "fullName", "fullName", "extension", "extension", "team", "team",
            "createdAt", "createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    TamperTrail trail;

    /** Filters of the user list; null means "any". */
    public record Filter(Role role, String team, String q, boolean includeDeleted) {
    }

    public User create(UserInput input) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (input.username() == null) {
            missing.add(new Problem.Violation("username", "is required"));
        }
        if (input.password() == null) {
            missing.add(new Problem.Violation("password", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        String username = input.username().toLowerCase(Locale.ROOT);
        findByUsername(username).ifPresent(existing -> {
            throw ProblemException.conflict("The username '" + username + "' is taken", link(existing));
        });
        User user = new User(username, Passwords.hash(input.password()), input.fullName().trim(), input.roles(),
                Instant.now());
        assign(user, input);
        if (input.enabled() != null) {
            user.setEnabled(input.enabled());
        }
        em.persist(user);
        remapped(user, null, "a new user");
        em.flush();
        return user;
    }

    public User update(long id, UserInput input) {
        User user = get(id);
        ProblemException.requireVersion("User '" + user.getUsername() + "'", input.version(), user.getVersion());
        if (input.username() != null && !input.username().equalsIgnoreCase(user.getUsername())) {
            throw ProblemException.invalid("username", "cannot change; create a new user instead");
        }
        if (user.getDeletedAt() != null) {
            throw ProblemException.conflict("User '" + user.getUsername() + "' is deleted and cannot be changed");
        }
        boolean wasActiveAdmin = user.has(Role.ADMIN) && user.canLogIn();
        boolean staysActiveAdmin = input.roles().contains(Role.ADMIN) && !Boolean.FALSE.equals(input.enabled());
        if (wasActiveAdmin && !staysActiveAdmin) {
            requireAnotherAdmin(user);
        }
        user.rename(input.fullName().trim());
        String extension = user.getExtension();
        assign(user, input);
        remapped(user, extension, null);
        if (input.enabled() != null) {
            user.setEnabled(input.enabled());
        }
        if (input.password() != null) {
            user.changePassword(Passwords.hash(input.password()), Instant.now());
        }
        em.flush();
        return user;
    }

    public void delete(long id, Long callerId) {
        User user = get(id);
        if (Objects.equals(user.getId(), callerId)) {
            throw ProblemException.conflict("You cannot delete your own account");
        }
        if (user.getDeletedAt() != null) {
            return;
        }
        if (user.has(Role.ADMIN) && user.canLogIn()) {
            requireAnotherAdmin(user);
        }
        String extension = user.getExtension();
        user.delete(Instant.now());
        remapped(user, extension, "user deleted");
        em.flush();
    }

    public void changeOwnPassword(long id, String current, String replacement) {
        User user = get(id);
        if (!Passwords.matches(current, user.getPasswordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        if (replacement == null || replacement.length() < Passwords.MIN_LENGTH) {
            throw ProblemException.invalid("newPassword", "must be at least " + Passwords.MIN_LENGTH + " characters long");
        }
        user.changePassword(Passwords.hash(replacement), Instant.now());
        em.flush();
    }

    public User get(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw ProblemException.notFound("There is no user " + id);
        }
        return user;
    }

    public java.util.Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Page<User> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter.includeDeleted()) {
            where.append(" AND u.deletedAt IS NULL");
        }
        if (filter.role() != null) {
            where.append(" AND :role MEMBER OF u.roles");
            params.put("role", filter.role());
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            where.append(" AND LOWER(u.team) = :team");
            params.put("team", filter.team().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (LOWER(u.username) LIKE :q OR LOWER(u.fullName) LIKE :q)");
            params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
        }
        return Queries.page(em, User.class, "User", "u", where, params, page);
    }

    private void assign(User user, UserInput input) {
        if (input.clientId() != null && em.find(Client.class, input.clientId()) == null) {
            throw ProblemException.invalid("clientId", "names no client: there is no client " + input.clientId());
        }
        if (input.extension() != null) {
            em.createQuery("SELECT u FROM User u WHERE u.extension = :e AND u.id <> :id", User.class)
                    .setParameter("e", input.extension().trim())
                    .setParameter("id", user.getId() == null ? -1L : user.getId())
                    .getResultStream().findFirst().ifPresent(holder -> {
                        throw ProblemException.conflict("Extension " + input.extension() + " belongs to '"
                                + holder.getUsername() + "'", link(holder));
                    });
        }
        try {
            user.assign(input.roles(), input.extension(), input.team(), input.clientId());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("clientId") ? "clientId"
                    : e.getMessage().contains("extension") ? "extension" : "roles";
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    /** An extension decides whose PBX calls are whose, so every change of it goes to the tamper trail. */
    private void remapped(User user, String before, String reason) {
        if (!Objects.equals(before, user.getExtension())) {
            trail.record(Tamper.of(TamperKind.EXTENSION_REMAPPED, "user", user.getUsername(), null, null,
                    user.getUsername(), "extension", before, user.getExtension(), reason));
        }
    }

    private void requireAnotherAdmin(User leaving) {
        long others = em.createQuery("SELECT COUNT(u) FROM User u WHERE :admin MEMBER OF u.roles AND u.enabled = true"
                + " AND u.deletedAt IS NULL AND u.id <> :id", Long.class)
                .setParameter("admin", Role.ADMIN).setParameter("id", leaving.getId()).getSingleResult();
        if (others == 0) {
            throw ProblemException.conflict("'" + leaving.getUsername()
                    + "' is the last active ADMIN; make another ADMIN first");
        }
    }

    private static Map<String, Object> link(User user) {
        return Map.of("id", user.getId(), "username", user.getUsername(), "href", "/api/users/" + user.getId());
    }
}
