package org.switchboard.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.math.BigDecimal;
import org.switchboard.core.limits.Limits;

/**
 * The one JSON mapper of the API. Strict on input, so that a typo or a wrong type is a 400 that says
 * so instead of a silently ignored or coerced value: unknown fields fail, numbers are not read from
 * strings or booleans, floats are not truncated into integers, null never becomes a primitive's zero.
 * Dates are written as {@code YYYY-MM-DD}, instants as ISO-8601 with offset. Bounded: nesting depth, string and
 * number length are capped when parsing, and a decimal's exponent too (a {@code 1e-300000000} is 12 characters,
 * but printing or comparing it allocates hundreds of megabytes).
 */
@Provider
public class Json implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = create();

    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.JSON_DEPTH)
                        .maxNumberLength(Limits.NUMBER_CHARS)
                        .maxStringLength(Limits.JSON_STRING_CHARS)
                        .build())
                .build();
        SimpleModule bounded = new SimpleModule("bounded-numbers");
        bounded.addDeserializer(BigDecimal.class, new BoundedBigDecimal());
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(bounded)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Refuses a decimal whose exponent is out of {@link Limits#NUMBER_SCALE} before anything computes with it. */
    static final class BoundedBigDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(p, context);
            if (value != null && Math.abs((long) value.scale()) > Limits.NUMBER_SCALE) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, "the exponent must be between -"
                        + Limits.NUMBER_SCALE + " and " + Limits.NUMBER_SCALE + " (got " + p.getText() + ")");
            }
            return value;
        }
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
