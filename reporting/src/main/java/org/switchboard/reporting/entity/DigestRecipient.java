package org.switchboard.reporting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.envers.Audited;

/** One address that receives one client's daily digest. Part of the reporting settings. */
@Entity
@Table(name = "reporting_digest_recipient")
@IdClass(DigestRecipient.Key.class)
@Audited
public class DigestRecipient {

    /** The identity of a recipient: the client and the address. */
    public static class Key implements Serializable {
        private Long clientId;
        private String email;

        protected Key() {
        }

        public Key(Long clientId, String email) {
            this.clientId = clientId;
            this.email = email;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(email, k.email);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, email);
        }
    }

    @Id
    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Id
    @Column(nullable = false, length = 254)
    private String email;

    protected DigestRecipient() {
    }

    public DigestRecipient(long clientId, String email) {
        this.clientId = clientId;
        this.email = email;
    }

    public Key key() {
        return new Key(clientId, email);
    }

    public Long getClientId() {
        return clientId;
    }

    public String getEmail() {
        return email;
    }
}
