package org.gms.storage.cassandra.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The CQL scripts an operator runs on an external cluster: the schema in code, with the keyspace written as the
 * {@code [ToBeChanged:<keyspace_name>]} placeholder of the GMS scripts.
 */
public final class SchemaScript {

    public static final String PLACEHOLDER = "[ToBeChanged:<keyspace_name>]";
    private static final String MARKER = "gms_schema_placeholder";

    private SchemaScript() {
    }

    /** The statements of one keyspace's script, each on one line without the closing semicolon. */
    public static List<String> statements(KeyspaceKind kind) {
        List<String> statements = new ArrayList<>();
        for (TableDefinition table : GmsSchema.tables(kind)) {
            statements.add(normalise(table.cql(MARKER).replace(MARKER, PLACEHOLDER)));
        }
        return statements;
    }

    /** Whitespace-normalised statements read from a script (comments dropped), for comparison with the code. */
    public static List<String> parse(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("//")) {
                text.append(trimmed).append(' ');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            String normalised = normalise(statement);
            if (!normalised.isEmpty()) {
                statements.add(normalised);
            }
        }
        return statements;
    }

    /** One space between words, none around brackets, commas, equals signs, colons and braces: layout does not count. */
    static String normalise(String statement) {
        return statement.replaceAll("\\s+", " ").replaceAll(" ?([(),=:{}]) ?", "$1").strip();
    }
}
