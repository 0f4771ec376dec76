package org.switchboard.reporting.qa.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Picks the day's recordings to listen to, per operator: one successful and one failed call where the operator has
 * them, then more up to the sample size. The order among an operator's calls is a hash of the day and the call id,
 * so the choice looks random, is the same every time it is asked for that day, and differs from day to day.
 * With a sample size of 1 the single pick is simply the first in that order, success or failure.
 */
public final class Sampling {

    private Sampling() {
    }

    /** The sample, ordered by operator, then start time. Calls that are not {@link QaCall#sampleable()} are never picked. */
    public static List<QaCall> pick(List<QaCall> calls, LocalDate day, int perOperator) {
        if (perOperator < 1) {
            throw new IllegalArgumentException("the sample size is at least 1");
        }
        Map<String, List<QaCall>> byOperator = new TreeMap<>();
        calls.stream().filter(QaCall::sampleable)
                .forEach(c -> byOperator.computeIfAbsent(c.operator(), o -> new ArrayList<>()).add(c));
        List<QaCall> sample = new ArrayList<>();
        for (List<QaCall> own : byOperator.values()) {
            own.sort(Comparator.comparingLong((QaCall c) -> order(day, c.id())).thenComparingLong(QaCall::id));
            Set<QaCall> picked = new LinkedHashSet<>();
            if (perOperator >= 2) {
                first(own, QaCall::successful).ifPresent(picked::add);
                first(own, c -> !c.successful()).ifPresent(picked::add);
            }
            for (QaCall c : own) {
                if (picked.size() >= perOperator) {
                    break;
                }
                picked.add(c);
            }
            picked.stream().sorted(Comparator.comparing(QaCall::startedAt).thenComparingLong(QaCall::id))
                    .forEach(sample::add);
        }
        return sample;
    }

    private static Optional<QaCall> first(List<QaCall> calls, Predicate<QaCall> test) {
        return calls.stream().filter(test).findFirst();
    }

    /** The place of a call in a day's order: the first 8 bytes of SHA-256("day:id"), compared unsigned. */
    static long order(LocalDate day, long callId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((day + ":" + callId).getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(hash).getLong() ^ Long.MIN_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
