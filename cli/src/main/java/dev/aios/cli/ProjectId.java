package dev.aios.cli;

import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A project id as the API gives it (a UUID); anything else is bad usage, refused before any request. */
final class ProjectId implements ITypeConverter<UUID> {
    @Override
    public UUID convert(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a project id (ids look like 3f2b8c1e-…; ./aios projects lists them)");
        }
    }
}
