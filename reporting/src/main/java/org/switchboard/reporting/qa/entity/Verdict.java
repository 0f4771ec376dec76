package org.switchboard.reporting.qa.entity;

/** What a review concludes about a call. */
public enum Verdict {
    GOOD, BAD
}
