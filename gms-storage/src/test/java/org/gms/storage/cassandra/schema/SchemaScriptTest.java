package org.gms.storage.cassandra.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator's CQL scripts hold exactly the schema the server creates. */
class SchemaScriptTest {

    @ParameterizedTest
    @EnumSource(KeyspaceKind.class)
    void should_match_the_schema_in_code_when_the_script_is_read(KeyspaceKind kind) throws IOException {
        Path script = Path.of("..", "scripts", kind.scriptName());
        assertThat(SchemaScript.parse(Files.readString(script)))
                .as("%s must hold these statements, in this order", script)
                .containsExactlyElementsOf(SchemaScript.statements(kind));
    }
}
