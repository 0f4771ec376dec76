package org.switchboard.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.core.errors.ProblemException;

/**
 * Paging and sorting as the caller asked for it, checked against what the list allows.
 * {@code sort} is a comma-separated list of fields, each optionally prefixed with {@code -} for
 * descending order, e.g. {@code sort=-createdAt,username}. Only fields of the allow-list are accepted,
 * so a sort parameter never reaches a query as text.
 */
public record PageRequest(int page, int size, List<Order> orders) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** The deepest row a page may start at: page × size must fit in an int, or the offset would overflow. */
    public static final long MAX_OFFSET = Integer.MAX_VALUE;

    /** One sort key: the JPQL path it maps to, and its direction. */
    public record Order(String path, boolean ascending) {
        public String jpql(String alias) {
            return alias + "." + path + (ascending ? " ASC" : " DESC");
        }
    }

    /**
     * @param allowed  API sort field → JPQL path on the list's root entity
     * @param fallback the sort applied when the caller gives none (also in API terms)
     */
    public static PageRequest of(String page, String size, String sort, Map<String, String> allowed, String fallback) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ProblemException.invalid("page", "must be 0 or more (pages count from 0)");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw ProblemException.invalid("page", "is too far: page × size must be at most " + MAX_OFFSET
                    + " (page " + p + " of size " + s + " starts beyond it)");
        }
        String effective = sort == null || sort.isBlank() ? fallback : sort;
        List<Order> orders = new ArrayList<>();
        for (String token : effective.split(",")) {
            String key = token.trim();
            if (key.isEmpty()) {
                continue;
            }
            boolean ascending = !key.startsWith("-");
            String name = key.startsWith("-") || key.startsWith("+") ? key.substring(1) : key;
            String path = allowed.get(name);
            if (path == null) {
                throw ProblemException.invalid("sort", "cannot sort by '" + name + "'; sortable fields: "
                        + String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
            }
            orders.add(new Order(path, ascending));
        }
        return new PageRequest(p, s, List.copyOf(orders));
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number, got '" + value + "'");
        }
    }

    public int offset() {
        return Math.toIntExact((long) page * size);
    }

    /** The ORDER BY clause for a JPQL query over {@code alias}, with the id as the last tie-breaker. */
    public String orderBy(String alias) {
        List<String> parts = new ArrayList<>();
        orders.forEach(o -> parts.add(o.jpql(alias)));
        parts.add(alias + ".id ASC");
        return " ORDER BY " + String.join(", ", parts);
    }
}
