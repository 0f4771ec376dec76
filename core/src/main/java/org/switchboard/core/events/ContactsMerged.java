package org.switchboard.core.events;

/** Contact {@code mergedId} was folded into {@code survivorId}; modules re-point what referred to it. */
public record ContactsMerged(long mergedId, long survivorId) {
}
