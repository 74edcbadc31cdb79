package dev.aios.router.provider;

import dev.aios.router.client.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's streamed {@code tool_use} blocks as OpenAI tool-call deltas: a {@code content_block_start} of type
 * {@code tool_use} opens the next tool call (OpenAI numbers tool calls, Anthropic numbers all blocks), each
 * {@code input_json_delta} is a fragment of its arguments.
 */
final class StreamedToolCalls {
    private final String provider;
    private final TokenSink sink;
    private final Map<Integer, Integer> toolOfBlock = new HashMap<>();
    private final List<String[]> calls = new ArrayList<>();

    StreamedToolCalls(String provider, TokenSink sink) {
        this.provider = provider;
        this.sink = sink;
    }

    void blockStarted(int block, JsonNode contentBlock) {
        if (!contentBlock.path("type").asString("").equals("tool_use")) {
            return;
        }
        String id = contentBlock.path("id").asString("");
        String name = contentBlock.path("name").asString("");
        if (block < 0 || id.isEmpty() || name.isEmpty()) {
            throw ProviderErrors.malformed(provider, "a tool_use block start without an index, id or name", null);
        }
        toolOfBlock.put(block, calls.size());
        calls.add(new String[] {id, name, ""});
        sink.acceptToolCall(new ToolCallDelta(calls.size() - 1, id, name, ""));
    }

    void argumentsArrived(int block, String fragment) {
        Integer tool = toolOfBlock.get(block);
        if (tool == null) {
            throw ProviderErrors.malformed(
                    provider, "input_json_delta for block " + block + ", which is no tool_use", null);
        }
        calls.get(tool)[2] += fragment;
        if (!fragment.isEmpty()) {
            sink.acceptToolCall(new ToolCallDelta(tool, "", "", fragment));
        }
    }

    void blockStopped(int block) {
        Integer tool = toolOfBlock.get(block);
        // a tool with no arguments streams no input at all; OpenAI clients expect a JSON object
        if (tool != null && calls.get(tool)[2].isEmpty()) {
            calls.get(tool)[2] = "{}";
            sink.acceptToolCall(new ToolCallDelta(tool, "", "", "{}"));
        }
    }

    List<ToolCall> calls() {
        return calls.stream().map(c -> new ToolCall(c[0], c[1], c[2])).toList();
    }
}
