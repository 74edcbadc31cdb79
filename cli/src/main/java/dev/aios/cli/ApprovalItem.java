package dev.aios.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An approval item as the server names them ({@code backlog-1}, {@code sprint-2-1}, {@code change-T3-1}). */
final class ApprovalItem implements ITypeConverter<String> {
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    public String convert(String value) {
        if (!ITEM.matcher(value).matches()) {
            throw new TypeConversionException("'" + TerminalBoard.clean(value) + "' is not an approval item "
                    + "(e.g. backlog-1; ./aios watch ID shows what waits)");
        }
        return value;
    }
}
