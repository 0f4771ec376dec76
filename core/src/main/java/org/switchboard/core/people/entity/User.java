package org.switchboard.core.people.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A person who logs in. Operators carry a unique telephony extension (the PBX endpoint their calls are
 * recognised by) and a team; a CLIENT user belongs to exactly one client company and sees only its data.
 * A deleted user is kept (calls and leads still name them) but can no longer log in.
 */
@Entity
@Table(name = "core_user")
@Audited
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_user_seq")
    @SequenceGenerator(name = "core_user_seq", sequenceName = "core_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @NotAudited
    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "core_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(unique = true, length = 16)
    private String extension;

    @Column(length = 100)
    private String team;

    @Column(name = "client_id")
    private Long clientId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String passwordHash, String fullName, Set<Role> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.fullName = fullName;
        assignRoles(roles);
    }

    /** Roles, extension, team and client are checked together: they depend on each other. */
    public void assign(Set<Role> roles, String extension, String team, Long clientId) {
        if (combinesClientWithStaff(roles)) {
            throw new IllegalArgumentException("CLIENT cannot be combined with another role: a client's user sees only"
                    + " its client's data, staff see every client's; give this account either CLIENT or staff roles");
        }
        if (roles.contains(Role.CLIENT) && clientId == null) {
            throw new IllegalArgumentException("a CLIENT user needs clientId");
        }
        if (!roles.contains(Role.CLIENT) && clientId != null) {
            throw new IllegalArgumentException("only a CLIENT user belongs to a client; drop clientId or add the CLIENT role");
        }
        if (roles.contains(Role.OPERATOR) && (extension == null || extension.isBlank())) {
            throw new IllegalArgumentException("an OPERATOR needs a telephony extension");
        }
        assignRoles(roles);
        this.extension = extension == null || extension.isBlank() ? null : extension.trim();
        this.team = team == null || team.isBlank() ? null : team.trim();
        this.clientId = clientId;
    }

    private void assignRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** The extension given to another user: this one has none until given one. */
    public void releaseExtension() {
        this.extension = null;
    }

    /** An extension taken over from whoever held it. */
    public void takeExtension(String extension) {
        this.extension = extension.trim();
    }

    public void rename(String fullName) {
        this.fullName = fullName;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Deleting keeps the record for history but frees the extension for someone else. */
    public void delete(Instant now) {
        this.deletedAt = now;
        this.enabled = false;
        this.extension = null;
    }

    public boolean canLogIn() {
        return enabled && deletedAt == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** An account that is both a client's user and staff: never made any more, refused at login if an old one is. */
    public boolean combinesClientWithStaff() {
        return combinesClientWithStaff(roles);
    }

    private static boolean combinesClientWithStaff(Set<Role> roles) {
        return roles != null && roles.contains(Role.CLIENT) && roles.size() > 1;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public String getFullName() {
        return fullName;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public String getExtension() {
        return extension;
    }

    public String getTeam() {
        return team;
    }

    public Long getClientId() {
        return clientId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
