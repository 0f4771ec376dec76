package org.switchboard.core.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Map;

/** One page of a filtered list: the count and the items of one JPQL filter, ordered as the caller asked. */
public final class Queries {

    private Queries() {
    }

    /**
     * @param entity the entity name, e.g. {@code Contact}
     * @param alias  its alias in {@code where}, e.g. {@code c}
     * @param where  a {@code WHERE …} clause (with a leading space) over the alias, with named parameters
     */
    public static <T> Page<T> page(EntityManager em, Class<T> type, String entity, String alias, CharSequence where,
            Map<String, Object> params, PageRequest page) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + entity + " " + alias + where,
                Long.class);
        TypedQuery<T> items = em.createQuery("SELECT " + alias + " FROM " + entity + " " + alias + where
                + page.orderBy(alias), type);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult(), page.page(), page.size());
    }
}
