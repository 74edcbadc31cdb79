// Synthetic projects for the board's browser test and its benchmark, in the shape GET …/events sends: one SSE event a
// stored event, `id` its stream version, `data` {streamVersion, payload}. Labelled synthetic wherever they are used.

/** [[type, payload], …] as the project's event stream. */
export function sse(events) {
  return events.map(([type, payload], i) =>
    'id:' + (i + 1) + '\nevent:' + type + '\ndata:' + JSON.stringify({ streamVersion: i + 1, payload }) + '\n\n').join('');
}

/** A delivered one-sprint project of n tasks, each assigned, started, one LLM call, completed (4n + 6 events). */
export function syntheticStream(n, name = 'synthetic-' + n) {
  const ids = Array.from({ length: n }, (_, i) => 'T' + (i + 1));
  const events = [
    ['ProjectSubmitted', { name, budgetMicros: '900000000' }],
    ['BacklogProposed', { tasks: ids.map(id => ({ taskId: id, role: 'AGENT_ROLE_BACKEND', title: 'Task ' + id, estimatePoints: 1 })) }],
    ['BacklogAccepted', { taskCount: n }],
    ['SprintPlanned', { sprintNumber: 1, taskIds: ids }],
  ];
  for (const id of ids) {
    events.push(['TaskAssigned', { taskId: id, sprintNumber: 1, attempt: 1 }],
      ['TaskStarted', { taskId: id, agentId: 'backend-1', role: 'AGENT_ROLE_BACKEND' }],
      ['LlmCallCompleted', { taskId: id, role: 'AGENT_ROLE_BACKEND', tier: 'local', costMicros: '1000', decisionReason: 'synthetic' }],
      ['TaskCompleted', { taskId: id, agentId: 'backend-1' }]);
  }
  events.push(['SprintReviewed', { sprintNumber: 1, passed: true }], ['ProjectDelivered', {}]);
  return sse(events);
}
