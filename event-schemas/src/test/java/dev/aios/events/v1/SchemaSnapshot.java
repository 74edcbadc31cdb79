package dev.aios.events.v1;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A canonical, diffable text form of the wire contract: every message with its fields (number, name, type,
 * cardinality) and reserved numbers and names, and every enum with its values.
 */
record SchemaSnapshot(Map<String, TypeShape> types) {

    record Field(int number, String name, String type, boolean repeated) {
        String line() {
            return "  field " + number + " " + name + " " + (repeated ? "repeated " : "") + type;
        }
    }

    /** A message or an enum: fields (or enum values, with the value name as the type), reserved numbers and names. */
    record TypeShape(
            String kind, Map<Integer, Field> fields, TreeSet<Integer> reservedNumbers, TreeSet<String> reservedNames) {}

    static SchemaSnapshot of(Collection<FileDescriptor> files) {
        Map<String, TypeShape> types = new TreeMap<>();
        for (FileDescriptor file : files) {
            file.getMessageTypes().forEach(message -> addMessage(message, types));
            file.getEnumTypes().forEach(e -> addEnum(e, types));
        }
        return new SchemaSnapshot(types);
    }

    private static void addMessage(Descriptor message, Map<String, TypeShape> types) {
        Map<Integer, Field> fields = new TreeMap<>();
        for (FieldDescriptor field : message.getFields()) {
            fields.put(
                    field.getNumber(),
                    new Field(field.getNumber(), field.getName(), typeName(field), field.isRepeated()));
        }
        DescriptorProto proto = message.toProto();
        TreeSet<Integer> reserved = new TreeSet<>();
        proto.getReservedRangeList().forEach(range -> {
            for (int n = range.getStart(); n < range.getEnd(); n++) {
                reserved.add(n);
            }
        });
        types.put(
                message.getFullName(),
                new TypeShape("message", fields, reserved, new TreeSet<>(proto.getReservedNameList())));
        message.getNestedTypes().forEach(nested -> addMessage(nested, types));
        message.getEnumTypes().forEach(e -> addEnum(e, types));
    }

    private static void addEnum(EnumDescriptor e, Map<String, TypeShape> types) {
        Map<Integer, Field> values = new TreeMap<>();
        for (EnumValueDescriptor value : e.getValues()) {
            values.put(value.getNumber(), new Field(value.getNumber(), value.getName(), "value", false));
        }
        TreeSet<Integer> reserved = new TreeSet<>();
        e.toProto().getReservedRangeList().forEach(range -> {
            for (int n = range.getStart(); n <= range.getEnd(); n++) { // enum ranges are inclusive
                reserved.add(n);
            }
        });
        types.put(
                e.getFullName(),
                new TypeShape(
                        "enum", values, reserved, new TreeSet<>(e.toProto().getReservedNameList())));
    }

    private static String typeName(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case MESSAGE -> field.getMessageType().getFullName();
            case ENUM -> field.getEnumType().getFullName();
            default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    String render() {
        StringBuilder out = new StringBuilder();
        types.forEach((name, shape) -> {
            out.append(shape.kind()).append(' ').append(name).append('\n');
            shape.fields().values().forEach(f -> out.append(f.line()).append('\n'));
            shape.reservedNumbers()
                    .forEach(n -> out.append("  reserved ").append(n).append('\n'));
            shape.reservedNames()
                    .forEach(n -> out.append("  reserved-name ").append(n).append('\n'));
        });
        return out.toString();
    }

    static SchemaSnapshot parse(String text) {
        Map<String, TypeShape> types = new TreeMap<>();
        TypeShape current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            if (!line.startsWith(" ")) {
                current = new TypeShape(parts[0], new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
                types.put(parts[1], current);
            } else if (current == null) {
                throw new IllegalArgumentException("snapshot line outside a type: " + line);
            } else if (parts[0].equals("field")) {
                boolean repeated = parts.length == 5;
                int number = Integer.parseInt(parts[1]);
                current.fields().put(number, new Field(number, parts[2], parts[parts.length - 1], repeated));
            } else if (parts[0].equals("reserved")) {
                current.reservedNumbers().add(Integer.parseInt(parts[1]));
            } else if (parts[0].equals("reserved-name")) {
                current.reservedNames().add(parts[1]);
            } else {
                throw new IllegalArgumentException("unknown snapshot line: " + line);
            }
        }
        return new SchemaSnapshot(types);
    }

    /** Every change from {@code previous} to this schema that breaks a reader or writer of the previous one. */
    List<String> breakingChangesSince(SchemaSnapshot previous) {
        List<String> problems = new ArrayList<>();
        previous.types().forEach((name, old) -> {
            TypeShape now = types.get(name);
            if (now == null) {
                problems.add(name + ": removed (deprecate it instead; a type on the wire must stay parseable)");
                return;
            }
            old.fields().forEach((number, oldField) -> {
                Field field = now.fields().get(number);
                String where = name + " #" + number + " (" + oldField.name() + ")";
                if (field == null) {
                    if (!now.reservedNumbers().contains(number)) {
                        problems.add(where + ": removed without `reserved " + number + ";`");
                    }
                    if (!now.reservedNames().contains(oldField.name())) {
                        problems.add(where + ": removed without `reserved \"" + oldField.name() + "\";`");
                    }
                } else {
                    if (!field.type().equals(oldField.type())) {
                        problems.add(where + ": type changed from " + oldField.type() + " to " + field.type());
                    }
                    if (field.repeated() != oldField.repeated()) {
                        problems.add(where + ": cardinality changed");
                    }
                    if (!field.name().equals(oldField.name())) {
                        problems.add(
                                where + ": renamed to " + field.name() + " (breaks the JSON form of the event stream)");
                    }
                }
            });
            now.fields().forEach((number, field) -> {
                if (old.reservedNumbers().contains(number)
                        || old.reservedNames().contains(field.name())) {
                    problems.add(name + " #" + number + " (" + field.name() + "): reuses a reserved number or name");
                }
            });
        });
        return problems;
    }
}
