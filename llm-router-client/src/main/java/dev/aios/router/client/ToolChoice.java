package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

/**
 * Whether and which tool the model must call: {@code auto} (it decides), {@code none}, {@code required} (some tool) or
 * one named tool. Anthropic calls them auto, none, any and tool.
 */
public record ToolChoice(Mode mode, String toolName) {
    public enum Mode {
        AUTO,
        NONE,
        REQUIRED,
        TOOL
    }

    public ToolChoice {
        requireNonNull(mode, "mode");
        toolName = toolName == null ? "" : toolName;
        if ((mode == Mode.TOOL) == toolName.isEmpty()) {
            throw new IllegalArgumentException("a tool name goes with, and only with, the TOOL mode");
        }
    }

    public static ToolChoice of(Mode mode) {
        return new ToolChoice(mode, "");
    }

    public static ToolChoice tool(String name) {
        return new ToolChoice(Mode.TOOL, name);
    }
}
