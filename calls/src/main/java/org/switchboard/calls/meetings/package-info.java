/**
 * Meetings with sales managers, booked by operators from a call or by supervisors by hand: a manager's
 * calendar never holds two overlapping scheduled meetings, and every meeting (and each manager's whole
 * calendar) is offered as iCalendar for calendar programs.
 */
package org.switchboard.calls.meetings;
