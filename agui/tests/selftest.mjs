// Shows validate.mjs can fail: it serves a small valid AG-UI stream (and the REST views it is compared with) from a
// local server, then the same stream broken in one way at a time, and checks validate.mjs accepts the first and
// refuses each of the others. Exits 0 when it does, 1 (naming the case) when not.
import http from "node:http";
import jsonpatch from "fast-json-patch";

const project = "7a1c3c34-1111-4222-8333-444455556666";
const board = (status, taskStatus, spent) => ({
  project: { id: project, name: "demo", status, currentSprint: 1, stopReason: "" },
  budget: { budgetMicros: 1000, spentMicros: spent, leftMicros: 1000 - spent },
  progress: { tasksDone: taskStatus === "DONE" ? 1 : 0, tasksTotal: 1 },
  sprints: [{ number: 1, status: "OPEN", taskIds: ["T1"], plannedPoints: 1, reviewPassed: null, defects: 0, costMicros: 0 }],
  tasks: { T1: { taskId: "T1", role: "backend", kind: "CODE", title: "API", points: 1, dependsOn: [], status: taskStatus,
    sprint: 1, attempt: 1, agentId: "b-1", costMicros: 0, llmCalls: 0, tier: null, model: null } },
});
const good = [
  { type: "RUN_STARTED", timestamp: 1, threadId: project, runId: project, protocolVersion: "1.0" },
  { type: "STATE_SNAPSHOT", timestamp: 1, snapshot: board("RUNNING", "ASSIGNED", 0) },
  { type: "STEP_STARTED", timestamp: 2, stepName: "T1: API" },
  { type: "CUSTOM", timestamp: 2, name: "aios.llm_call", value: { tier: "local", costMicros: 10 } },
  { type: "STATE_DELTA", timestamp: 2, delta: [{ op: "replace", path: "/budget/spentMicros", value: 10 },
    { op: "replace", path: "/budget/leftMicros", value: 990 }] },
  { type: "STATE_DELTA", timestamp: 3, delta: [{ op: "replace", path: "/tasks/T1/status", value: "DONE" },
    { op: "replace", path: "/progress/tasksDone", value: 1 }, { op: "replace", path: "/project/status", value: "DELIVERED" }] },
  { type: "STEP_FINISHED", timestamp: 3, stepName: "T1: API" },
  { type: "RUN_FINISHED", timestamp: 3, threadId: project, runId: project, outcome: { type: "success" } },
];
const end = board("DELIVERED", "DONE", 10);
const cases = {
  "a valid stream": (events) => events,
  "a field the protocol does not name": (events) => events.map((e) => e.type === "STEP_STARTED" ? { ...e, step_name: "x" } : e),
  "a required field missing": (events) => events.map((e) => e.type === "RUN_FINISHED" ? { ...e, runId: undefined } : e),
  "no RUN_FINISHED": (events) => events.slice(0, -1),
  "a step never finished": (events) => events.filter((e) => e.type !== "STEP_FINISHED"),
  "a delta to a path that is not there": (events) => events.map((e, i) => i === 4
    ? { ...e, delta: [{ op: "replace", path: "/budget/nothing", value: 1 }] } : e),
  "a board that is not the API's": (events) => events.map((e, i) => i === 5
    ? { ...e, delta: [...e.delta, { op: "replace", path: "/tasks/T1/attempt", value: 2 }] } : e),
};

let current = good;
const server = http.createServer((req, res) => {
  const path = req.url.replace(`/api/v1/projects/${project}`, "");
  if (path === "/agui") {
    const resumeAfter = Number(req.headers["last-event-id"] ?? 0);
    res.writeHead(200, { "Content-Type": "text/event-stream" });
    const lines = [];
    if (resumeAfter > 0) { // reopen as the orchestrator does: the run, the board now, the steps open now
      let state;
      const open = [];
      current.slice(0, resumeAfter).forEach((e) => {
        if (e.type === "STATE_SNAPSHOT") state = structuredClone(e.snapshot);
        if (e.type === "STATE_DELTA") state = jsonpatch.applyPatch(state, structuredClone(e.delta)).newDocument;
        if (e.type === "STEP_STARTED") open.push(e.stepName);
        if (e.type === "STEP_FINISHED") open.splice(open.indexOf(e.stepName), 1);
      });
      lines.push({ e: current[0] }, { e: { type: "STATE_SNAPSHOT", timestamp: 1, snapshot: state } },
        ...open.map((stepName) => ({ e: { type: "STEP_STARTED", timestamp: 1, stepName } })));
    }
    current.forEach((e, i) => { if (i + 1 > resumeAfter) lines.push({ e, id: i + 1 }); });
    res.end(lines.map(({ e, id }) => (id ? `id:${id}\n` : "") + `data:${JSON.stringify(e)}\n\n`).join(""));
  } else if (path === "") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ status: end.project.status, currentSprint: 1, progress: end.progress,
      cost: { spentMicros: end.budget.spentMicros, budgetMicros: end.budget.budgetMicros } }));
  } else if (path === "/tasks") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(Object.values(end.tasks)));
  } else if (path === "/sprints") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(end.sprints));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/api/v1/projects/${project}/agui`;

let wrong = 0;
for (const [name, breakIt] of Object.entries(cases)) {
  current = breakIt(good);
  let status = 0;
  let output = "";
  try {
    output = await new Promise((resolve, reject) => {
      import("node:child_process").then(({ execFile }) => execFile("node", ["validate.mjs", url, "token"],
        (error, stdout, stderr) => error ? reject(Object.assign(error, { output: stdout + stderr })) : resolve(stdout + stderr)));
    });
  } catch (e) {
    status = e.code ?? 1;
    output = e.output;
  }
  const expected = name === "a valid stream" ? 0 : 1;
  const ok = status === expected;
  if (!ok) wrong++;
  const reason = output.split("\n").find((l) => l.startsWith("INVALID")) ?? "";
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: exit ${status} ${reason}${ok ? "" : "\n" + output}`);
}
server.close();
process.exit(wrong === 0 ? 0 : 1);
