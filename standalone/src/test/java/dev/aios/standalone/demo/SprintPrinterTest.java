package dev.aios.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SprintPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final SprintPrinter printer = new SprintPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void showsTheTierTokensCostAndThatAnAnswerWasReplayedFromARecording() {
        printer.print("LlmCallCompleted", json.readTree("""
                {"payload": {"role": "backend", "taskId": "T1", "tier": "local", "provider": "replay", "model": "qwen-32b",
                 "inputTokens": "1200", "outputTokens": "800", "costMicros": "1500", "scripted": true,
                 "decisionReason": "score 0.1 chose local"}}"""));

        assertThat(output())
                .contains(
                        "tier local",
                        "RECORDED: replayed answer of qwen-32b",
                        "1200 in / 800 out tokens",
                        "$0.0015",
                        "why: score 0.1 chose local");
        assertThat(printer.usageSummary())
                .isEqualTo(
                        "1 LLM calls (1 replayed from a recording), tiers local=1, 1200 input / 800 output tokens, $0.0015");
    }

    @Test
    void showsWhatWaitsForAPersonWhyAndWhoDecidedWithTheirFeedback() {
        printer.print("ApprovalRequested", json.readTree("""
                {"payload": {"itemId": "change-T3-1", "kind": "APPROVAL_KIND_RISKY_CHANGE",
                 "why": ["writes Dockerfile (matches Dockerfile*)", "deletes old.py"]}}"""));
        printer.print("ApprovalRejected", json.readTree("""
                {"payload": {"itemId": "change-T3-1", "rejectedBy": "ana", "feedback": "run it as a user"}}"""));
        printer.print("ApprovalGranted", json.readTree("""
                {"payload": {"itemId": "change-T3-2", "grantedBy": "ana"}}"""));

        assertThat(output())
                .contains(
                        "waits for a person: change-T3-1 (risky change): writes Dockerfile (matches Dockerfile*),"
                                + " deletes old.py",
                        "rejected: change-T3-1 by ana: run it as a user",
                        "approved: change-T3-2 by ana");
    }

    @Test
    void showsWhyAProjectFailed() {
        printer.print("ProjectFailed", json.readTree("""
                {"payload": {"taskId": "plan", "reason": "no recording is of this brief"}}"""));

        assertThat(output()).contains("project FAILED at plan: no recording is of this brief");
        assertThat(printer.endReason()).isEqualTo("no recording is of this brief");
    }

    @Test
    void countsBacklogTasksButNotSprintReviews() {
        printer.print("TaskCompleted", json.readTree("""
                {"payload": {"taskId": "T1", "agentId": "backend-1", "summary": "store", "changeset": {"writes": [{"path": "a.py"}]}}}"""));
        printer.print("TaskCompleted", json.readTree("""
                {"payload": {"taskId": "R1", "agentId": "qa-1", "summary": "review", "review": {"passed": true}}}"""));

        assertThat(printer.tasksCompleted()).isEqualTo(1);
        assertThat(output()).contains("files: a.py", "tests PASSED");
    }

    @Test
    void showsTheSandboxVerdictAndItsIsolation() {
        printer.print("SprintReviewed", json.readTree("""
                {"payload": {"sprintNumber": 1, "passed": false, "report": {"command": "python3 -m unittest", "testsRun": 12,
                 "testsFailed": 2, "exitCode": 1, "durationMs": "900", "networkIsolated": false, "isolationNote": "no unshare"},
                 "defects": [{"title": "redirect returns 200"}]}}"""));

        assertThat(output())
                .contains(
                        "FAILED",
                        "ran 12 tests, 2 failed",
                        "network NOT isolated (no unshare)",
                        "defect: redirect returns 200");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
