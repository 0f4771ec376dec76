package org.switchboard.core.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.people.control.Passwords;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

/**
 * Seeds an empty installation, safe by default:
 * <ul>
 * <li>{@code SWITCHBOARD_ADMIN_PASSWORD} (or {@code -Dswitchboard.admin.password}) set: the {@code admin} account gets
 * it. It must pass the password policy; a weak one stops the deployment with a message that says why.</li>
 * <li>Neither that nor a demo: {@code admin} gets a generated password, printed once in the server log, that must
 * be changed at the first sign-in.</li>
 * <li>{@code SWITCHBOARD_DEMO=true} (or {@code -Dswitchboard.demo=true}), on H2 only: also one user per role whose
 * password equals its username, and a demo client; {@code admin}'s password is the configured one, else
 * {@code admin}. On PostgreSQL — production — the demo is refused with a log line and the installation is seeded
 * as if it had not been asked for.</li>
 * </ul>
 */
@ApplicationScoped
public class FirstStart {

    public static final String ADMIN_PASSWORD_ENV = "SWITCHBOARD_ADMIN_PASSWORD";
    public static final String DEMO_ENV = "SWITCHBOARD_DEMO";
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Installation installation;

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

    /** What the first start does, decided from the configuration and the database before anything is written. */
    enum Plan {
        CONFIGURED_ADMIN, GENERATED_ADMIN, DEMO
    }

    static Plan plan(String adminPassword, boolean demoAsked, boolean postgresql) {
        if (adminPassword != null) {
            Passwords.weakness("admin", adminPassword).ifPresent(why -> {
                throw new IllegalStateException(ADMIN_PASSWORD_ENV + " is too weak: it " + why + ". Set a stronger"
                        + " one (at least " + Passwords.MIN_LENGTH + " characters, not 'admin', not a common"
                        + " password) and start again; nothing was created");
            });
        }
        if (demoAsked && !postgresql) {
            return Plan.DEMO;
        }
        return adminPassword != null ? Plan.CONFIGURED_ADMIN : Plan.GENERATED_ADMIN;
    }

    @Transactional
    public void seedIfEmpty() {
        long users = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        if (users > 0) {
            return;
        }
        Instant now = Instant.now();
        String adminPassword = configuredAdminPassword();
        boolean demoAsked = demoAsked();
        boolean postgresql = onPostgresql();
        Plan plan;
        try {
            plan = plan(adminPassword, demoAsked, postgresql);
        } catch (IllegalStateException weak) {
            LOG.severe("First start refused: " + weak.getMessage());
            throw weak;
        }
        if (demoAsked && postgresql) {
            LOG.warning("First start: " + DEMO_ENV + "=true is ignored on PostgreSQL: a production database never"
                    + " gets demo accounts with guessable passwords");
        }
        switch (plan) {
            case CONFIGURED_ADMIN -> {
                createAdmin(adminPassword, false, now);
                LOG.info("First start: created the 'admin' account with the password from " + ADMIN_PASSWORD_ENV);
            }
            case GENERATED_ADMIN -> {
                String generated = generatedPassword();
                createAdmin(generated, true, now);
                LOG.warning("\n"
                        + "==================================================================================\n"
                        + " First start: created the account 'admin' with the generated password\n\n"
                        + "     " + generated + "\n\n"
                        + " Sign in with it at http://localhost:8080/ ; you will be asked to choose your own.\n"
                        + " It is shown only this once. (Set " + ADMIN_PASSWORD_ENV + " before the first start\n"
                        + " to choose it yourself, or " + DEMO_ENV + "=true for a demo with sample accounts.)\n"
                        + "==================================================================================");
            }
            case DEMO -> seedDemo(adminPassword, now);
        }
        installation.seeded(plan == Plan.DEMO, now);
    }

    private void seedDemo(String adminPassword, Instant now) {
        createAdmin(adminPassword != null ? adminPassword : "admin", false, now);
        Client demoClient = new Client("Romashka LLC (demo)", now);
        demoClient.describe("Romashka LLC (demo)", "office@romashka.example", "Demo client made at first start", true);
        em.persist(demoClient);
        em.flush();
        for (DemoUser demo : DEMO_USERS) {
            User user = new User(demo.username(), Passwords.hash(demo.username()), demo.fullName(), demo.roles(), now);
            user.assign(demo.roles(), demo.extension(), demo.team(), demo.ofDemoClient() ? demoClient.getId() : null);
            em.persist(user);
        }
        LOG.warning("First start with " + DEMO_ENV + "=true: this is a DEMO installation; every demo account's"
                + " password equals its username (" + (adminPassword != null ? "" : "admin/admin, ")
                + "supervisor/supervisor, ...). Do not use it in production.");
    }

    private void createAdmin(String password, boolean temporary, Instant now) {
        User admin = new User("admin", Passwords.hash(password), "Administrator", EnumSet.of(Role.ADMIN), now);
        if (temporary) {
            admin.setTemporaryPassword(admin.getPasswordHash(), now);
        }
        em.persist(admin);
    }

    /** 20 characters from 120 random bits, without look-alikes (0/O, 1/l/I). */
    static String generatedPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private boolean onPostgresql() {
        return em.unwrap(Session.class).doReturningWork(connection -> connection.getMetaData()
                .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
    }

    private static String configuredAdminPassword() {
        String value = System.getenv(ADMIN_PASSWORD_ENV);
        if (value == null || value.isBlank()) {
            value = System.getProperty("switchboard.admin.password");
        }
        return value == null || value.isBlank() ? null : value;
    }

    static boolean demoAsked() {
        String value = System.getProperty("switchboard.demo");
        if (value == null || value.isBlank()) {
            value = System.getenv(DEMO_ENV);
        }
        return value != null && value.trim().equalsIgnoreCase("true");
    }
}
