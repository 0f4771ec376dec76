package org.switchboard.core.people.entity;

/** What a person may do in Switchboard; see DOMAIN.md "Who uses it". */
public enum Role {
    ADMIN, SUPERVISOR, OPERATOR, MARKETER, CLIENT
}
