package org.switchboard.core.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Numbers and booleans in query parameters: a value that is not one is a 400 naming the parameter, instead of the
 * 404 the JAX-RS rules give for a query parameter that cannot be converted.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
        }
        if (name == null) {
            return null;
        }
        final String param = name;
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(value -> QueryParams.id(param, value));
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(value -> {
                Long n = QueryParams.id(param, value);
                if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
                    throw org.switchboard.core.errors.ProblemException.invalid(param, "is too large");
                }
                return n == null ? null : n.intValue();
            });
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(value -> QueryParams.bool(param, value));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(java.util.function.Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return parse.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
