/**
 * After-sales service: rules that turn birthdays, holidays, events and won deals into calls on after-sales
 * campaigns (once per contact and occasion), offers with one-time codes, invitations and their attendees.
 */
package org.switchboard.aftersales;
