/**
 * Who changed what and when: Hibernate Envers keeps a revision of every audited entity on every change,
 * stamped with the user who made it; ADMIN reads them, with the changed fields, through the audit API.
 */
package org.switchboard.core.audit;
