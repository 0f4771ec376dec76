package org.switchboard.core.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.errors.ProblemException;

/**
 * Reads Envers revisions back as "who changed which fields, from what to what". Works for every audited
 * entity of every module, through the JPA metamodel; fields marked {@code @NotAudited} (password hashes)
 * never appear.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    /** One change to one record. {@code changes} holds each changed field as {@code {"from","to"}}. */
    public record Change(long revision, Instant at, String username, String entity, Object entityId, String action,
            Map<String, Object> state, Map<String, Map<String, Object>> changes) {
    }

    public List<String> auditedEntities() {
        AuditReader reader = AuditReaderFactory.get(em);
        return em.getMetamodel().getEntities().stream()
                .filter(e -> reader.isEntityClassAudited(e.getJavaType()))
                .map(EntityType::getName).sorted().toList();
    }

    public Page<Change> changes(String entityName, Long id, PageRequest page) {
        EntityType<?> type = em.getMetamodel().getEntities().stream()
                .filter(e -> e.getName().equalsIgnoreCase(entityName))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid("entity", "is not an audited entity; audited: "
                        + auditedEntities()));
        AuditReader reader = AuditReaderFactory.get(em);
        if (!reader.isEntityClassAudited(type.getJavaType())) {
            throw ProblemException.invalid("entity", "is not audited; audited: " + auditedEntities());
        }
        AuditQuery countQuery = reader.createQuery().forRevisionsOfEntity(type.getJavaType(), false, true)
                .addProjection(AuditEntity.revisionNumber().count());
        AuditQuery query = reader.createQuery().forRevisionsOfEntity(type.getJavaType(), false, true)
                .addOrder(AuditEntity.revisionNumber().desc())
                .setFirstResult(page.offset()).setMaxResults(page.size());
        if (id != null) {
            countQuery.add(AuditEntity.id().eq(id));
            query.add(AuditEntity.id().eq(id));
        }
        long total = ((Number) countQuery.getSingleResult()).longValue();
        List<Change> result = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] triple = (Object[]) row;
            Object snapshot = triple[0];
            Revision revision = (Revision) triple[1];
            RevisionType revType = (RevisionType) triple[2];
            Object entityId = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(snapshot);
            Map<String, Object> state = state(type, snapshot);
            Map<String, Map<String, Object>> changed = new TreeMap<>();
            if (revType == RevisionType.MOD) {
                Object previous = previous(reader, type, entityId, revision.getId());
                if (previous != null) {
                    Map<String, Object> before = state(type, previous);
                    state.forEach((field, value) -> {
                        if (!Objects.equals(before.get(field), value)) {
                            Map<String, Object> fromTo = new LinkedHashMap<>();
                            fromTo.put("from", before.get(field));
                            fromTo.put("to", value);
                            changed.put(field, fromTo);
                        }
                    });
                }
            }
            result.add(new Change(revision.getId(), Instant.ofEpochMilli(revision.getTimestamp()),
                    revision.getUsername(), type.getName(), entityId, action(revType),
                    revType == RevisionType.DEL ? Map.of() : state, changed));
        }
        return new Page<>(result, total, page.page(), page.size());
    }

    private Object previous(AuditReader reader, EntityType<?> type, Object id, Number revision) {
        List<?> earlier = reader.createQuery().forRevisionsOfEntity(type.getJavaType(), true, true)
                .add(AuditEntity.id().eq(id))
                .add(AuditEntity.revisionNumber().lt(revision))
                .addOrder(AuditEntity.revisionNumber().desc())
                .setMaxResults(1)
                .getResultList();
        return earlier.isEmpty() ? null : earlier.get(0);
    }

    private static String action(RevisionType type) {
        return switch (type) {
            case ADD -> "CREATE";
            case MOD -> "UPDATE";
            case DEL -> "DELETE";
        };
    }

    private Map<String, Object> state(EntityType<?> type, Object snapshot) {
        Map<String, Object> state = new TreeMap<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            Member member = attribute.getJavaMember();
            if (!(member instanceof Field field) || field.isAnnotationPresent(NotAudited.class)
                    || field.isAnnotationPresent(jakarta.persistence.Version.class)) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object raw = field.get(snapshot);
                Object value = raw;
                if (attribute instanceof PluralAttribute<?, ?, ?> && raw instanceof Collection<?> values) {
                    value = values.stream().map(String::valueOf).sorted().collect(Collectors.toList());
                } else if (raw instanceof Enum<?> e) {
                    value = e.name();
                } else if (raw != null && em.getMetamodel().getEntities().stream()
                        .anyMatch(m -> m.getJavaType().isInstance(raw))) {
                    value = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(raw);
                }
                state.put(attribute.getName(), value);
            } catch (IllegalAccessException | RuntimeException e) {
                state.put(attribute.getName(), "(unreadable)");
            }
        }
        return state;
    }
}
