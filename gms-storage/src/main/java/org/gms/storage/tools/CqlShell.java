package org.gms.storage.tools;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gms.storage.CassandraSettings;
import org.gms.storage.cassandra.SessionFactory;
import org.gms.storage.cassandra.schema.SchemaScript;

/**
 * A small CQL prompt for the configured cluster ({@code scripts/gms cql}). With scripts it runs each statement,
 * replacing the {@code [ToBeChanged:<keyspace_name>]} placeholder by the keyspace; without, it reads statements ending
 * in {@code ;} from the terminal and prints rows.
 */
public final class CqlShell {

    private final CqlSession session;
    private final PrintStream out;

    CqlShell(CqlSession session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    /**
     * Runs scripts against the cluster, or a prompt when there is none.
     *
     * @param scripts each script with the keyspace that replaces the placeholder in it (may be null when none)
     * @return 0 on success, 1 when the cluster cannot be reached or a statement fails
     */
    public static int run(CassandraSettings settings, List<Map.Entry<Path, String>> scripts, InputStream in,
                          PrintStream out) throws IOException {
        try (CqlSession session = SessionFactory.connect(settings, Duration.ofSeconds(1))) {
            CqlShell shell = new CqlShell(session, out);
            if (scripts.isEmpty()) {
                shell.interactive(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
                return 0;
            }
            for (Map.Entry<Path, String> script : scripts) {
                String text = Files.readString(script.getKey(), StandardCharsets.UTF_8);
                if (text.contains(SchemaScript.PLACEHOLDER) && script.getValue() == null) {
                    out.println(script.getKey() + " holds " + SchemaScript.PLACEHOLDER + ": give --keyspace NAME");
                    return 1;
                }
                out.println("-- " + script.getKey());
                for (String statement : statements(text.replace(SchemaScript.PLACEHOLDER,
                        script.getValue() == null ? "" : script.getValue()))) {
                    shell.run(statement);
                }
            }
            return 0;
        } catch (IllegalStateException | com.datastax.oss.driver.api.core.DriverException e) {
            out.println("Error: " + e.getMessage());
            return 1;
        }
    }

    void interactive(BufferedReader in) throws IOException {
        StringBuilder pending = new StringBuilder();
        out.print("cql> ");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (pending.length() == 0 && (line.strip().equalsIgnoreCase("exit") || line.strip().equalsIgnoreCase("quit"))) {
                return;
            }
            pending.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                for (String statement : statements(pending.toString())) {
                    try {
                        run(statement);
                    } catch (RuntimeException e) {
                        out.println("Error: " + e.getMessage());
                    }
                }
                pending.setLength(0);
            }
            out.print(pending.length() == 0 ? "cql> " : "...> ");
            out.flush();
        }
    }

    void run(String statement) {
        ResultSet rows = session.execute(statement);
        List<String> columns = new ArrayList<>();
        for (ColumnDefinition column : rows.getColumnDefinitions()) {
            columns.add(column.getName().asCql(true));
        }
        if (columns.isEmpty()) {
            out.println("OK");
            return;
        }
        out.println(String.join(" | ", columns));
        int count = 0;
        for (Row row : rows) {
            List<String> values = new ArrayList<>();
            for (int index = 0; index < columns.size(); index++) {
                Object value = row.getObject(index);
                values.add(value == null ? "null" : value.toString());
            }
            out.println(String.join(" | ", values));
            count++;
        }
        out.println("(" + count + " rows)");
    }

    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--") && !line.strip().startsWith("//")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
