/** The meeting: who meets whom, when and where, and whether it still stands. */
package org.switchboard.calls.meetings.entity;
