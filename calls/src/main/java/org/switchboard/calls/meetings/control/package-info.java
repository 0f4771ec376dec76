/**
 * Booking, moving and cancelling meetings under the calendar rule (no overlapping scheduled meetings per
 * manager, enforced under a lock on the manager), who may see which meeting, and their iCalendar text.
 */
package org.switchboard.calls.meetings.control;
