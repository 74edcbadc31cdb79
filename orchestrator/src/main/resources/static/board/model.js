// The board as a fold over the project's event stream (the same facts the server's projection reads). Pure: no DOM.
// apply() returns the ids of the tasks it changed, so the view redraws those cards and nothing else.

export const COLUMNS = ['todo', 'in progress', 'review', 'done'];

export function shortRole(role) {
  return String(role || '').replace(/^AGENT_ROLE_/, '').toLowerCase();
}

const micros = v => Number(v || 0);

export function emptyBoard() {
  return {
    name: '', status: 'SUBMITTED', budget: 0, spent: 0, currentSprint: 0, lastVersion: 0,
    tasks: new Map(), sprints: new Map(), proposal: [], calls: [], reviews: [], notes: [], stopReason: '',
  };
}

function task(board, id) {
  let t = board.tasks.get(id);
  if (!t) {
    t = { id, order: board.tasks.size, title: id, role: '', kind: '', points: 0, sprint: 0, state: 'pending', agent: '', tier: '', model: '',
          cost: 0, attempt: 0, failure: '' };
    board.tasks.set(id, t);
  }
  return t;
}

function spec(t, s) {
  if (!s) return;
  t.title = s.title || t.title;
  t.role = shortRole(s.role) || t.role;
  t.kind = s.kind || t.kind;
  t.points = s.estimatePoints || t.points;
}

/**
 * Which column a task stands in: todo, in progress, review (done, its sprint not yet reviewed, or its change waiting
 * for a person's approval), done.
 */
export function columnOf(board, t) {
  if (t.state === 'pending' || t.state === 'assigned') return 'todo';
  if (t.state === 'awaiting') return 'review';
  if (t.state === 'started') return t.kind === 'TASK_KIND_SPRINT_REVIEW' ? 'review' : 'in progress';
  if (t.state === 'done' && t.kind !== 'TASK_KIND_SPRINT_REVIEW' && !board.sprints.get(t.sprint)?.reviewed) return 'review';
  return 'done';
}

/** Applies one stream event ({event, data} with data the server's JSON); returns the task ids it changed. */
export function apply(board, { event, data }) {
  const e = typeof data === 'string' ? JSON.parse(data) : data;
  const p = e.payload || {};
  board.lastVersion = Math.max(board.lastVersion, Number(e.streamVersion || 0));
  const changed = [];
  const touch = id => { changed.push(id); return task(board, id); };
  switch (event) {
    case 'ProjectSubmitted':
      board.name = p.name; board.budget = micros(p.budgetMicros); board.status = 'PLANNING';
      break;
    case 'BacklogProposed':
      board.proposal = p.tasks || [];
      break;
    case 'BacklogRejected':
      board.notes.push('Backlog ' + (p.attempt || '') + ' rejected: ' + (p.reasons || []).join('; '));
      break;
    case 'BacklogAccepted':
      for (const s of board.proposal) spec(touch(s.taskId), s);
      board.proposal = [];
      board.status = 'RUNNING';
      break;
    case 'SprintPlanned':
      board.currentSprint = p.sprintNumber;
      board.sprints.set(p.sprintNumber, { number: p.sprintNumber, reviewed: false, passed: null });
      for (const id of p.taskIds || []) touch(id).sprint = p.sprintNumber;
      break;
    case 'TaskAssigned': {
      const t = touch(p.taskId);
      spec(t, p.task);
      t.sprint = p.sprintNumber || t.sprint;
      t.attempt = p.attempt || 1;
      t.state = 'assigned';
      break;
    }
    case 'TaskStarted': {
      const t = touch(p.taskId);
      t.state = 'started'; t.agent = p.agentId || t.agent; t.role = shortRole(p.role) || t.role;
      break;
    }
    case 'TaskCompleted': {
      const t = touch(p.taskId);
      t.state = 'done'; t.agent = p.agentId || t.agent; t.failure = '';
      if (p.provenance?.tier) { t.tier = p.provenance.tier; t.model = p.provenance.model || t.model; }
      break;
    }
    case 'TaskFailed':
      if (p.taskId && p.taskId !== 'plan') {
        const t = touch(p.taskId);
        t.failure = p.reason || 'failed';
        t.state = 'pending';
      } else {
        board.notes.push('Planning failed: ' + (p.reason || ''));
      }
      break;
    case 'TaskLeaseExpired':
      if (p.taskId) touch(p.taskId).state = 'pending';
      break;
    case 'TaskAbandoned':
      touch(p.taskId).state = 'abandoned';
      for (const id of p.blockedTaskIds || []) touch(id).state = 'blocked';
      break;
    case 'LlmCallCompleted': {
      board.spent += micros(p.costMicros);
      board.calls.push({
        task: p.taskId || '', role: shortRole(p.role), tier: p.tier || '', requestedTier: p.requestedTier || '',
        model: p.model || '', provider: p.provider || '', tokensIn: Number(p.inputTokens || 0),
        tokensOut: Number(p.outputTokens || 0), cost: micros(p.costMicros), latency: Number(p.latencyMs || 0),
        cached: !!p.cached, fallback: !!p.fallback, scripted: !!p.scripted, score: p.score ?? null,
        reason: p.decisionReason || '',
      });
      if (p.taskId && board.tasks.has(p.taskId)) {
        const t = touch(p.taskId);
        t.cost += micros(p.costMicros); t.tier = p.tier || t.tier; t.model = p.model || t.model;
      }
      break;
    }
    case 'SprintReviewed': {
      const s = board.sprints.get(p.sprintNumber) || { number: p.sprintNumber };
      s.reviewed = true; s.passed = !!p.passed;
      board.sprints.set(p.sprintNumber, s);
      board.reviews.push(review(p.sprintNumber, p, 'Sprint ' + p.sprintNumber + ' review'));
      for (const t of board.tasks.values()) if (t.sprint === p.sprintNumber) changed.push(t.id);
      break;
    }
    case 'BudgetChanged':
      board.budget = micros(p.budgetMicros);
      break;
    case 'ApprovalRequested':
      // a backlog or a sprint plan holds the project; a risky change holds only its task (ADR 0014)
      if (p.kind === 'APPROVAL_KIND_RISKY_CHANGE' && p.taskId) {
        touch(p.taskId).state = 'awaiting'; // its change waits for a person: shown in review
      } else {
        board.statusBeforeApproval = board.status;
        board.status = 'AWAITING_APPROVAL';
      }
      board.notes.push('Waiting for approval: ' + p.itemId + ((p.why || []).length ? ' (' + p.why.join('; ') + ')' : ''));
      break;
    case 'ApprovalGranted':
    case 'ApprovalRejected':
      if (board.status === 'AWAITING_APPROVAL') board.status = board.statusBeforeApproval || 'RUNNING';
      board.notes.push((event === 'ApprovalGranted' ? 'Approved: ' : 'Rejected: ') + p.itemId
        + (p.feedback ? ' — ' + p.feedback : ''));
      break;
    case 'ProjectPaused': board.status = 'PAUSED'; board.notes.push('Paused: ' + (p.reason || '')); break;
    case 'ProjectResumed': board.status = 'RUNNING'; board.notes.push('Resumed: ' + (p.reason || '')); break;
    case 'ProjectDelivered': board.status = 'DELIVERED'; break;
    case 'ProjectStopped': board.status = 'STOPPED'; board.stopReason = p.reason || p.cause || ''; break;
    case 'ProjectFailed': board.status = 'FAILED'; board.stopReason = p.reason || ''; break;
    default:
      break;
  }
  return changed;
}

function review(sprint, r, label) {
  const report = r.report || {};
  return {
    sprint, label, passed: !!r.passed, testsRun: report.testsRun || 0, testsFailed: report.testsFailed || 0,
    command: report.command || '', output: report.outputTail || '', isolation: report.isolationNote || '',
    defects: (r.defects || []).map(d => ({ title: d.title, role: shortRole(d.role), output: d.failingOutput || '',
      description: d.description || '' })),
  };
}
