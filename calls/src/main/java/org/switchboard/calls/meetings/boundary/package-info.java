/** The meetings API: /api/meetings, one meeting and each manager's calendar as iCalendar. */
package org.switchboard.calls.meetings.boundary;
