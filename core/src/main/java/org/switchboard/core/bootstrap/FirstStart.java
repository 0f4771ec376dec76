package org.switchboard.core.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.people.control.Passwords;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

/**
 * Seeds an empty installation. With {@code SWITCHBOARD_ADMIN_PASSWORD} set, only the {@code admin}
 * account is made, with that password. Without it, Switchboard starts as a demo: one user per role, each
 * with the password equal to its username (listed in the README), and a demo client.
 */
@ApplicationScoped
public class FirstStart {

    public static final String ADMIN_PASSWORD_ENV = "SWITCHBOARD_ADMIN_PASSWORD";
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @PersistenceContext
    EntityManager em;

    /** A demo account: username (also its password), full name, roles, extension, team, demo-client user. */
    record DemoUser(String username, String fullName, EnumSet<Role> roles, String extension, String team,
            boolean ofDemoClient) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("supervisor", "Svetlana Smirnova", EnumSet.of(Role.SUPERVISOR), null, "North", false),
            new DemoUser("operator1", "Ivan Petrov", EnumSet.of(Role.OPERATOR), "101", "North", false),
            new DemoUser("operator2", "Olga Sidorova", EnumSet.of(Role.OPERATOR), "102", "North", false),
            new DemoUser("marketer", "Maria Kuznetsova", EnumSet.of(Role.MARKETER), null, null, false),
            new DemoUser("client", "Client of Romashka LLC", EnumSet.of(Role.CLIENT), null, null, true));

    @Transactional
    public void seedIfEmpty() {
        long users = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        if (users > 0) {
            return;
        }
        Instant now = Instant.now();
        String adminPassword = configuredAdminPassword();
        if (adminPassword != null) {
            createAdmin(adminPassword, now);
            LOG.info("First start: created the 'admin' account with the password from " + ADMIN_PASSWORD_ENV);
            return;
        }
        createAdmin("admin", now);
        Client demoClient = new Client("Romashka LLC (demo)", now);
        demoClient.describe("Romashka LLC (demo)", "office@romashka.example", "Demo client made at first start", true);
        em.persist(demoClient);
        em.flush();
        for (DemoUser demo : DEMO_USERS) {
            User user = new User(demo.username(), Passwords.hash(demo.username()), demo.fullName(), demo.roles(), now);
            user.assign(demo.roles(), demo.extension(), demo.team(), demo.ofDemoClient() ? demoClient.getId() : null);
            em.persist(user);
        }
        LOG.warning("First start without " + ADMIN_PASSWORD_ENV + ": this is a DEMO installation; every demo "
                + "account's password equals its username (admin/admin, supervisor/supervisor, ...). "
                + "Do not use it in production.");
    }

    private void createAdmin(String password, Instant now) {
        User admin = new User("admin", Passwords.hash(password), "Administrator", EnumSet.of(Role.ADMIN), now);
        em.persist(admin);
    }

    private static String configuredAdminPassword() {
        String value = System.getenv(ADMIN_PASSWORD_ENV);
        if (value == null || value.isBlank()) {
            value = System.getProperty("switchboard.admin.password");
        }
        return value == null || value.isBlank() ? null : value;
    }
}
