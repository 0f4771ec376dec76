package org.switchboard.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/**
 * One phone number of a contact, in E.164. The number column is indexed: finding a contact by a number in
 * any written form is one index lookup after normalisation. Position 0 is the main number.
 */
@Entity
@Table(name = "leads_contact_phone")
@Audited
public class ContactPhone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_contact_phone_seq")
    @SequenceGenerator(name = "leads_contact_phone_seq", sequenceName = "leads_contact_phone_seq", allocationSize = 100)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(nullable = false)
    private int position;

    protected ContactPhone() {
    }

    ContactPhone(Contact contact, String number, String kind, int position) {
        this.contact = contact;
        this.number = number;
        this.kind = kind;
        this.position = position;
    }

    void place(String kind, int position) {
        this.kind = kind;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public String getNumber() {
        return number;
    }

    public String getKind() {
        return kind;
    }

    public int getPosition() {
        return position;
    }
}
