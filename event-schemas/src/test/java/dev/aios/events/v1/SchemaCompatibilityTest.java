package dev.aios.events.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract on the wire only grows: field numbers and types never change, and removed fields are reserved.
 * The checked-in snapshot is the last released contract. After an additive change, refresh it with
 * {@code ./aios mvn -pl event-schemas test -Daios.schema.update=true} and commit the new snapshot.
 */
class SchemaCompatibilityTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/schema-snapshot.txt");
    private static final Path PROTO_DIR = Path.of("src/main/proto/aios/events/v1");

    static final List<FileDescriptor> FILES = List.of(
            EnvelopeOuterClass.getDescriptor(),
            Common.getDescriptor(),
            Project.getDescriptor(),
            Backlog.getDescriptor(),
            Sprint.getDescriptor(),
            Task.getDescriptor(),
            Agent.getDescriptor(),
            Llm.getDescriptor());

    @Test
    void everyProtoFileIsCoveredByTheSnapshot() throws IOException {
        // given the .proto files of the contract
        List<String> protoFiles;
        try (Stream<Path> files = Files.list(PROTO_DIR)) {
            protoFiles =
                    files.map(p -> "aios/events/v1/" + p.getFileName()).sorted().toList();
        }
        // then each one is among the files the snapshot is taken from
        assertThat(FILES.stream().map(FileDescriptor::getName).sorted().toList())
                .isEqualTo(protoFiles);
    }

    @Test
    void currentSchemaDoesNotBreakTheSnapshot() throws IOException {
        // given the checked-in snapshot and the schema as compiled now
        SchemaSnapshot current = SchemaSnapshot.of(FILES);
        if (Boolean.getBoolean("aios.schema.update")) {
            Files.writeString(SNAPSHOT, current.render(), StandardCharsets.UTF_8);
        }
        SchemaSnapshot released = SchemaSnapshot.parse(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));

        // when they are compared
        List<String> breaking = current.breakingChangesSince(released);

        // then nothing breaks, and the snapshot records every additive change too
        assertThat(breaking).as("breaking changes to the event contract").isEmpty();
        assertThat(current.render())
                .as("the schema changed compatibly: refresh the snapshot with -Daios.schema.update=true and commit it")
                .isEqualTo(released.render());
    }

    @Nested
    class TheCheckerFlags {
        private final SchemaSnapshot released = SchemaSnapshot.parse("""
                message aios.events.v1.TaskFailed
                  field 1 project_id string
                  field 6 reason string
                  field 7 retriable bool
                  field 8 usage aios.events.v1.Usage
                enum aios.events.v1.AgentRole
                  field 0 AGENT_ROLE_UNSPECIFIED value
                  field 1 AGENT_ROLE_CTO value
                """);

        @Test
        void aChangedFieldType() {
            SchemaSnapshot next = SchemaSnapshot.parse(
                    released.render().replace("field 7 retriable bool", "field 7 retriable string"));
            assertThat(next.breakingChangesSince(released))
                    .containsExactly("aios.events.v1.TaskFailed #7 (retriable): type changed from bool to string");
        }

        @Test
        void aRemovedFieldThatIsNotReserved() {
            SchemaSnapshot next = SchemaSnapshot.parse(released.render().replace("  field 6 reason string\n", ""));
            assertThat(next.breakingChangesSince(released))
                    .hasSize(2)
                    .allMatch(p -> p.contains("#6 (reason): removed"));
        }

        @Test
        void aFieldMovedToAnotherNumber() {
            SchemaSnapshot next =
                    SchemaSnapshot.parse(released.render().replace("field 6 reason string", "field 9 reason string"));
            assertThat(next.breakingChangesSince(released)).isNotEmpty();
        }

        @Test
        void aRemovedEnumValueAndARemovedMessage() {
            SchemaSnapshot next = SchemaSnapshot.parse("""
                    enum aios.events.v1.AgentRole
                      field 0 AGENT_ROLE_UNSPECIFIED value
                    """);
            assertThat(next.breakingChangesSince(released))
                    .anyMatch(p -> p.startsWith("aios.events.v1.TaskFailed: removed"))
                    .anyMatch(p -> p.contains("#1 (AGENT_ROLE_CTO): removed"));
        }

        @Test
        void aReusedReservedNumber() {
            SchemaSnapshot withReserved = SchemaSnapshot.parse(
                    released.render().replace("  field 6 reason string\n", "  reserved 6\n  reserved-name reason\n"));
            SchemaSnapshot reuse = SchemaSnapshot.parse(
                    withReserved.render().replace("  reserved 6\n", "  field 6 cause string\n  reserved 6\n"));
            assertThat(reuse.breakingChangesSince(withReserved))
                    .containsExactly("aios.events.v1.TaskFailed #6 (cause): reuses a reserved number or name");
        }

        @Test
        void nothingForAReservedRemovalOrAnAddedField() {
            String next = released.render()
                    .replace("  field 6 reason string\n", "")
                    .replace(
                            "  field 8 usage aios.events.v1.Usage\n",
                            "  field 8 usage aios.events.v1.Usage\n  field 9 lease_id string\n  reserved 6\n  reserved-name reason\n");
            assertThat(SchemaSnapshot.parse(next).breakingChangesSince(released))
                    .isEmpty();
        }
    }
}
