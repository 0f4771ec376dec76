package org.switchboard.leads.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.switchboard.leads.control.SearchKeys;

/** A company contacts work for. The INN, when given, has been checked. */
@Entity
@Table(name = "leads_company")
@Audited
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_company_seq")
    @SequenceGenerator(name = "leads_company_seq", sequenceName = "leads_company_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "search_name", nullable = false, length = 300)
    private String searchName;

    @Column(length = 12)
    private String inn;

    @ElementCollection
    @CollectionTable(name = "leads_company_phone", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    @Column(name = "number", nullable = false, length = 20)
    private List<String> phones = new ArrayList<>();

    @Column(length = 300)
    private String site;

    @Column(length = 4000)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Company() {
    }

    public Company(Instant now) {
        this.createdAt = now;
    }

    public void describe(String name, String inn, List<String> phones, String site, String notes) {
        this.name = name;
        this.searchName = SearchKeys.name(name);
        this.inn = inn;
        this.phones.clear();
        this.phones.addAll(phones);
        this.site = site;
        this.notes = notes;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getInn() {
        return inn;
    }

    public List<String> getPhones() {
        return List.copyOf(phones);
    }

    public String getSite() {
        return site;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
