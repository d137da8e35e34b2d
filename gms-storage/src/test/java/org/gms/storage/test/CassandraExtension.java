package org.gms.storage.test;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts the per-JVM Cassandra node before the test class and injects {@link TestCassandra} or a
 * {@link CqlSession} into constructors and methods.
 */
public final class CassandraExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestCassandra.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestCassandra.class || type == CqlSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        TestCassandra cassandra = TestCassandra.get();
        return parameter.getParameter().getType() == CqlSession.class ? cassandra.session() : cassandra;
    }
}
