package dev.aios.agent.persona;

import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code {"summary": "...", "files": [{"path": "...", "content": "..."}], "deletes": ["..."]}}. Path safety
 * (relative, inside the workspace, limits) is checked later by the changeset validator; this checks the shape.
 */
public final class ChangesetReader implements OutputReader<ChangesetProposal> {
    @Override
    public ChangesetProposal read(JsonNode json) throws InvalidOutputException {
        String summary = Json.requiredText(json, "summary");
        List<FileContent> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode files = Json.optionalArray(json, "files");
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            if (!file.isObject()) {
                throw new InvalidOutputException("files[" + i + "] is not an object with path and content");
            }
            String path = Json.requiredText(file, "path", "files[" + i + "].");
            JsonNode content = file.get("content");
            if (content == null || !content.isString()) {
                throw new InvalidOutputException("files[" + i + "].content is missing or not a string (" + path + ")");
            }
            if (!seen.add(path)) {
                throw new InvalidOutputException("files lists the path " + path + " twice");
            }
            writes.add(FileContent.text(path, content.stringValue()));
        }
        List<String> deletes = new ArrayList<>();
        JsonNode deleteNodes = Json.optionalArray(json, "deletes");
        for (int i = 0; i < deleteNodes.size(); i++) {
            JsonNode path = deleteNodes.get(i);
            if (!path.isString() || path.stringValue().isBlank()) {
                throw new InvalidOutputException("deletes[" + i + "] is not a path string");
            }
            deletes.add(path.stringValue());
        }
        if (writes.isEmpty() && deletes.isEmpty()) {
            throw new InvalidOutputException("the changeset writes no files and deletes none");
        }
        return new ChangesetProposal(summary, new Changeset(writes, deletes));
    }
}
