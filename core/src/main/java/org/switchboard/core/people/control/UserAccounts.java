package org.switchboard.core.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
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

    @Inject
    ExtensionHistory extensions;

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
        requireStrong(username, "password", input.password());
        findByUsername(username).ifPresent(existing -> {
            throw ProblemException.conflict("The username '" + username + "' is taken", link(existing));
        });
        User user = new User(username, Passwords.hash(input.password()), input.fullName().trim(), input.roles(),
                Instant.now());
        if (Boolean.TRUE.equals(input.mustChangePassword())) {
            user.setTemporaryPassword(user.getPasswordHash(), user.getCreatedAt());
        }
        assign(user, input);
        if (input.enabled() != null) {
            user.setEnabled(input.enabled());
        }
        LocalDate effectiveFrom = input.effectiveFromDay();
        extensions.checkEffectiveFrom(effectiveFrom);
        em.persist(user);
        remapped(user, null, "a new user");
        em.flush();
        if (user.getExtension() != null) {
            extensions.take(user, user.getExtension(), effectiveFrom, input.reason());
        }
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
        LocalDate effectiveFrom = input.effectiveFromDay();
        extensions.checkEffectiveFrom(effectiveFrom);
        user.rename(input.fullName().trim());
        String extension = user.getExtension();
        assign(user, input);
        if (!Objects.equals(extension, user.getExtension())) {
            remapped(user, extension, effectiveFrom == null ? null : "from " + effectiveFrom
                    + (input.reason() == null || input.reason().isBlank() ? "" : ": " + input.reason().trim()));
            em.flush();
            changeHands(user, extension, effectiveFrom, input.reason());
        }
        if (input.enabled() != null) {
            user.setEnabled(input.enabled());
        }
        if (input.password() != null) {
            requireStrong(user.getUsername(), "password", input.password());
            if (Boolean.TRUE.equals(input.mustChangePassword())) {
                user.setTemporaryPassword(Passwords.hash(input.password()), Instant.now());
            } else {
                user.changePassword(Passwords.hash(input.password()), Instant.now());
            }
        } else if (input.mustChangePassword() != null) {
            throw ProblemException.invalid("mustChangePassword", "goes with a new password: send the temporary"
                    + " password in password");
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
        if (extension != null) {
            // the deleted user's calls of today stay theirs; from tomorrow the extension is free
            extensions.release(user, extension, extensions.today().plusDays(1), null);
        }
    }

    public void changeOwnPassword(long id, String current, String replacement) {
        User user = get(id);
        if (!Passwords.matches(current, user.getPasswordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        requireStrong(user.getUsername(), "newPassword", replacement);
        if (replacement.equals(current)) {
            throw ProblemException.invalid("newPassword", "must differ from the current password");
        }
        user.changePassword(Passwords.hash(replacement), Instant.now());
        em.flush();
    }

    private static void requireStrong(String username, String field, String password) {
        Passwords.weakness(username, password).ifPresent(why -> {
            throw ProblemException.invalid(field, why);
        });
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

    /**
     * Gives {@code extension} to {@code username} from a day (default today), taking it from whoever holds it: their
     * calls from that day on, imported or still to come, become the new holder's. The new holder's previous extension
     * is given up from the same day when {@code effectiveFrom} is given, otherwise after today.
     */
    public User remap(String extension, String username, LocalDate effectiveFrom, String reason) {
        if (extension == null || !extension.trim().matches("[0-9]{2,10}")) {
            throw ProblemException.invalid("extension", "must be 2-10 digits, the operator's PBX endpoint");
        }
        if (username == null || username.isBlank()) {
            throw ProblemException.invalid("username", "is required: the user who takes the extension");
        }
        String ext = extension.trim();
        extensions.checkEffectiveFrom(effectiveFrom);
        User target = findByUsername(username.trim())
                .orElseThrow(() -> ProblemException.invalid("username", "names no user: there is no user '" + username + "'"));
        if (target.getDeletedAt() != null) {
            throw ProblemException.conflict("User '" + target.getUsername() + "' is deleted and cannot take an extension");
        }
        if (!target.has(Role.OPERATOR)) {
            throw ProblemException.invalid("username", "'" + target.getUsername() + "' is not an OPERATOR; only"
                    + " an operator's calls are counted by extension");
        }
        String why = effectiveFrom == null ? null : "from " + effectiveFrom
                + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        var holder = em.createQuery("SELECT u FROM User u WHERE u.extension = :e", User.class).setParameter("e", ext)
                .getResultStream().findFirst();
        if (holder.isPresent() && holder.get().getId().equals(target.getId())) {
            if (effectiveFrom != null) {
                extensions.take(target, ext, effectiveFrom, reason);
            }
            return target;
        }
        holder.ifPresent(h -> {
            h.releaseExtension();
            remapped(h, ext, why == null ? "given to '" + target.getUsername() + "'" : why);
        });
        em.flush();
        String before = target.getExtension();
        target.takeExtension(ext);
        remapped(target, before, why);
        em.flush();
        changeHands(target, before, effectiveFrom, reason);
        return target;
    }

    /** The periods of the history follow a user's change of extension, and the PBX calls follow the periods. */
    private void changeHands(User user, String before, LocalDate effectiveFrom, String reason) {
        if (before != null) {
            extensions.release(user, before, effectiveFrom != null ? effectiveFrom : extensions.today().plusDays(1), reason);
        }
        if (user.getExtension() != null) {
            extensions.take(user, user.getExtension(), effectiveFrom, reason);
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
