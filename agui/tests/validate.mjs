// Validates an AIOS AG-UI stream (GET /api/v1/projects/{id}/agui) against the AG-UI reference package:
//   node validate.mjs STREAM_URL TOKEN [--expect success|cancelled|error]
// 1. every event parses with @ag-ui/core's EventSchemas (zod) and carries no field the schema does not name;
// 2. the order rules: RUN_STARTED first (then STATE_SNAPSHOT), one run, RUN_FINISHED (or RUN_ERROR) last, steps balanced;
// 3. every STATE_DELTA applies (fast-json-patch, operations validated) to the snapshot and what came before;
// 4. @ag-ui/client's own pipeline (enforcement, verifier, state application) runs the stream without an error or a
//    warning and ends with the same state;
// 5. that state is the board GET /projects/{id}, /tasks and /sprints show;
// 6. a stream resumed with Last-Event-ID from the middle is a whole run again, ends in the same state, and what follows
//    its reopening is exactly what the first stream sent after that id.
// Prints one line per check and exits 0, or prints what failed and exits 1.
import { EventSchemas } from "@ag-ui/core/schemas";
import { AbstractAgent, runHttpRequest, transformHttpEventStream } from "@ag-ui/client";
import jsonpatch from "fast-json-patch";
import assert from "node:assert/strict";

const [url, token, ...rest] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node validate.mjs STREAM_URL TOKEN [--expect success|cancelled|error]");
  process.exit(2);
}
const expect = rest[0] === "--expect" ? rest[1] : "success";
const projectUrl = url.replace(/\/agui$/, "");
const projectId = projectUrl.substring(projectUrl.lastIndexOf("/") + 1);
const headers = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };

const warnings = [];
const warn = console.warn;
console.warn = (...args) => { warnings.push(args.join(" ")); warn(...args); };

const SCHEMA_BY_TYPE = new Map(EventSchemas.options.map((o) => [o.shape.type.value, o]));

async function read(extraHeaders = {}) {
  const response = await fetch(url, { headers: { ...headers, ...extraHeaders } });
  assert.equal(response.status, 200, `GET ${url}: HTTP ${response.status} ${await response.clone().text()}`);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  const text = await response.text();
  const frames = [];
  for (const block of text.split("\n\n")) {
    const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).replace(/^ /, ""));
    const id = block.split("\n").find((l) => l.startsWith("id:"));
    if (data.length > 0) {
      frames.push({ id: id ? id.slice(3).trim() : undefined, event: JSON.parse(data.join("\n")) });
    }
  }
  return frames;
}

/** Schema, strictness and order; returns the state the snapshot and deltas give. */
function check(frames, label) {
  const events = frames.map((f) => f.event);
  events.forEach((event, i) => {
    const schema = SCHEMA_BY_TYPE.get(event.type);
    assert.ok(schema, `${label} event ${i}: unknown type ${event.type}`);
    EventSchemas.parse(event);
    const unknown = Object.keys(event).filter((k) => !(k in schema.shape));
    assert.deepEqual(unknown, [], `${label} event ${i} (${event.type}) has fields the protocol does not name`);
  });
  assert.equal(events[0]?.type, "RUN_STARTED", `${label}: the first event is RUN_STARTED`);
  assert.equal(events[1]?.type, "STATE_SNAPSHOT", `${label}: the second event is the board's snapshot`);
  assert.equal(events[0].threadId, projectId);
  assert.equal(events[0].runId, projectId);
  assert.equal(events.filter((e) => e.type === "RUN_STARTED").length, 1, `${label}: one run`);
  const last = events[events.length - 1];
  if (expect === "error") {
    assert.equal(last.type, "RUN_ERROR", `${label}: the last event is RUN_ERROR`);
    assert.ok(last.message.length > 0, `${label}: RUN_ERROR says why`);
  } else {
    assert.equal(last.type, "RUN_FINISHED", `${label}: the last event is RUN_FINISHED`);
    assert.equal(last.outcome?.type, expect, `${label}: the run's outcome`);
    assert.equal(last.runId, projectId);
  }
  assert.equal(events.filter((e) => e.type === "RUN_FINISHED" || e.type === "RUN_ERROR").length, 1,
    `${label}: one end`);
  const open = new Set();
  for (const e of events) {
    if (e.type === "STEP_STARTED") {
      assert.ok(!open.has(e.stepName), `${label}: step ${e.stepName} started twice`);
      open.add(e.stepName);
    } else if (e.type === "STEP_FINISHED") {
      assert.ok(open.delete(e.stepName), `${label}: step ${e.stepName} finished but never started`);
    }
  }
  assert.deepEqual([...open], [], `${label}: steps left open`);
  let state;
  for (const e of events) {
    if (e.type === "STATE_SNAPSHOT") {
      state = structuredClone(e.snapshot);
    } else if (e.type === "STATE_DELTA") {
      state = jsonpatch.applyPatch(state, structuredClone(e.delta), true, false).newDocument;
    }
  }
  return state;
}

class AiosStream extends AbstractAgent {
  run() {
    return transformHttpEventStream(runHttpRequest(() => fetch(url, { headers })));
  }
}

async function get(path) {
  const response = await fetch(projectUrl + path, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${projectUrl + path}: HTTP ${response.status}`);
  return response.json();
}

try {
  const frames = await read();
  const state = check(frames, "stream");
  const counts = {};
  frames.forEach((f) => { counts[f.event.type] = (counts[f.event.type] ?? 0) + 1; });
  console.log(`schemas: ${frames.length} events valid against @ag-ui/core EventSchemas, no unnamed fields `
    + JSON.stringify(counts));
  const customs = new Set(frames.filter((f) => f.event.type === "CUSTOM").map((f) => f.event.name));
  console.log(`order: RUN_STARTED first, ${frames[frames.length - 1].event.type} last, steps balanced; custom: ${[...customs].join(", ")}`);

  const agent = new AiosStream({ threadId: projectId });
  let clientError;
  try {
    await agent.runAgent();
  } catch (e) {
    clientError = e;
  }
  assert.equal(clientError, undefined, `@ag-ui/client failed: ${clientError}`);
  assert.deepEqual(agent.state, state, "@ag-ui/client's state equals the snapshot with every delta applied");
  console.log("client: @ag-ui/client enforced, verified and applied the stream to the same state");

  const project = await get("");
  const tasks = await get("/tasks");
  const sprints = await get("/sprints");
  assert.equal(state.project.status, project.status);
  assert.equal(state.project.currentSprint, project.currentSprint);
  assert.equal(state.budget.spentMicros, project.cost.spentMicros);
  assert.equal(state.budget.budgetMicros, project.cost.budgetMicros);
  assert.deepEqual(state.progress, project.progress);
  assert.deepEqual(Object.keys(state.tasks).sort(), tasks.map((t) => t.taskId).sort(), "the same tasks");
  for (const t of tasks) {
    const mine = state.tasks[t.taskId];
    for (const field of ["role", "kind", "title", "points", "dependsOn", "status", "sprint", "attempt", "agentId", "costMicros"]) {
      assert.deepEqual(mine[field], t[field], `task ${t.taskId} ${field}`);
    }
  }
  assert.deepEqual(state.sprints, sprints.map((s) => ({
    number: s.number, status: s.status, taskIds: s.taskIds, plannedPoints: s.plannedPoints,
    reviewPassed: s.reviewPassed ?? null, defects: s.defects, costMicros: s.costMicros,
  })), "the same sprints");
  console.log(`board: ${tasks.length} tasks, ${sprints.length} sprint(s), status ${state.project.status}, `
    + `spent ${state.budget.spentMicros} micros: as GET /projects/{id}, /tasks and /sprints show`);

  const ids = frames.filter((f) => f.id !== undefined);
  const middle = ids[Math.floor(ids.length / 2)];
  const resumed = await read({ "Last-Event-ID": middle.id });
  const resumedState = check(resumed, `resumed after ${middle.id}`);
  assert.deepEqual(resumedState, state, "the resumed stream ends in the same state");
  const prologue = resumed.findIndex((f) => f.event.type !== "RUN_STARTED" && f.event.type !== "STATE_SNAPSHOT"
    && f.event.type !== "STEP_STARTED") ;
  const after = frames.slice(frames.indexOf(middle) + 1).map((f) => JSON.stringify(f.event));
  const resumedFacts = resumed.map((f) => JSON.stringify(f.event));
  assert.deepEqual(resumedFacts.slice(resumedFacts.length - after.length), after,
    "after its reopening a resumed stream sends what the first sent after that id");
  assert.ok(prologue >= 2);
  console.log(`resume: Last-Event-ID ${middle.id} reopens the run (${resumed.length - after.length} events) then sends the `
    + `${after.length} later events once`);

  const agui = warnings.filter((w) => w.includes("[ag-ui]"));
  assert.deepEqual(agui, [], "the AG-UI client warned");
  console.log("valid");
} catch (e) {
  console.error(`INVALID: ${e.message}`);
  process.exit(1);
}
