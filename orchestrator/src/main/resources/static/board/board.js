// A project's board: the backlog, the current sprint as columns, the budget, the LLM calls and QA's reviews, all
// folded from the project's event stream (model.js). Events are applied as they arrive and the page is redrawn at
// most once per animation frame, and then only the cards that changed: a 500-task project stays responsive.
import { get, post, explainRefusal } from './api.js';
import { follow } from './sse.js';
import { current, may } from './session.js';
import { h, usd, say, alertError } from './dom.js';
import { apply, columnOf, emptyBoard, COLUMNS } from './model.js';
import { approvalsPanel } from './approvals.js';

const TERMINAL = new Set(['DELIVERED', 'STOPPED', 'FAILED']);
const MAX_CALL_ROWS = 500;

export function boardView(root, id) {
  const board = emptyBoard();
  const cards = new Map();
  const dirty = new Set();
  let frame = 0, drawnActions = '', drawnSprint = -1, drawnCalls = 0, drawnReviews = -1, drawnNotes = 0, drawnStatus = '';

  const title = h('h1', {}, 'Project');
  const statusBadge = h('span', { className: 'badge', id: 'project-status' }, '…');
  const live = h('p', { className: 'muted', id: 'stream-state' }, 'connecting…');
  const meter = h('meter', { id: 'budget-meter', min: '0', max: '1', value: '0', 'aria-describedby': 'budget-text budget-reserved' });
  const budgetText = h('p', { id: 'budget-text' });
  const reservedText = h('p', { className: 'hint', id: 'budget-reserved' }, 'Reserved: asking the server…');
  let reserved = null, reservedPoll = 0; // GET …/budget: reserved by running calls, only the router knows it (ADR 0043)
  const actions = h('div', { className: 'actions', id: 'actions' });
  const backlog = h('ol', { id: 'backlog-list' });
  const backlogCount = h('span', {}, '0');
  const earlier = h('ol', { id: 'earlier-list' });
  const sprintTitle = h('h2', { id: 'sprint-title' }, 'Sprint');
  const lists = new Map(), counts = new Map();
  const columns = h('div', { className: 'columns' }, COLUMNS.map(name => {
    const slug = name.replace(' ', '-');
    const list = h('ol', { id: 'column-' + slug, 'aria-labelledby': 'heading-' + slug });
    const count = h('span', { className: 'muted' }, '0');
    lists.set(name, list);
    counts.set(name, count);
    return h('section', { className: 'column', 'aria-labelledby': 'heading-' + slug },
      h('h3', { id: 'heading-' + slug }, name[0].toUpperCase() + name.slice(1), ' ', count), list);
  }));
  const calls = h('tbody', { id: 'llm-calls' });
  const callsCount = h('span', {}, '0');
  const reviews = h('div', { id: 'reviews' }, h('p', { className: 'muted' }, 'No review yet.'));
  const notes = h('ul', { id: 'notes' });
  const approvals = approvalsPanel(id);
  let approvalsDue = false;

  root.append(
    h('p', {}, h('a', { href: '#/projects' }, '← Projects')),
    h('div', { className: 'row' }, h('div', {}, title, h('p', {}, 'Status: ', statusBadge, ' ', live)),
      h('p', {}, h('a', { href: '#/projects/' + id + '/repository', id: 'repository-link' }, 'Delivered repository: files and diffs'))),
    h('div', { className: 'row' },
      h('section', { className: 'panel', 'aria-labelledby': 'budget-title' },
        h('h2', { id: 'budget-title' }, 'Budget'), meter, budgetText, reservedText),
      h('section', { className: 'panel', 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, 'Actions'), actions)),
    approvals.panel,
    sprintTitle, columns,
    h('section', { className: 'backlog panel', 'aria-labelledby': 'backlog-title' },
      h('h2', { id: 'backlog-title' }, 'Backlog (not in the current sprint) ', backlogCount), backlog),
    h('details', { className: 'panel' }, h('summary', {}, 'Earlier sprints\' tasks'), earlier),
    h('section', { 'aria-labelledby': 'reviews-title' }, h('h2', { id: 'reviews-title' }, 'QA reviews'), reviews),
    h('section', { 'aria-labelledby': 'calls-title' },
      h('h2', { id: 'calls-title' }, 'LLM calls ', callsCount),
      h('div', { className: 'scroll', tabindex: '0', 'aria-label': 'LLM calls, scrollable' },
        h('table', {}, h('thead', {}, h('tr', {}, ['Task', 'Role', 'Tier', 'Model', 'Tokens in/out', 'Cost', 'ms', 'Router\'s reason']
          .map((t, i) => h('th', { scope: 'col', className: i >= 4 && i <= 6 ? 'num' : null }, t)))), calls))),
    h('section', { 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, 'Notes'), notes));

  drawActions();
  approvals.refresh();
  readReserved();
  reservedPoll = setInterval(readReserved, 5000); // a running call holds money without an event: ask while it may run
  get('/api/v1/projects/' + id).then(p => { title.textContent = p.name; document.title = p.name + ' · AIOS board'; })
    .catch(e => alertError(explainRefusal(e, 'read this project')));

  const stop = follow('/api/v1/projects/' + id + '/events', {
    onEvents(batch) {
      for (const e of batch) {
        for (const changed of apply(board, e)) dirty.add(changed);
        approvalsDue ||= e.event.startsWith('Approval');
      }
      if (!frame) frame = requestAnimationFrame(draw);
    },
    onState(state) { live.textContent = state === 'live' ? '· live' : '· ' + state; },
    onError(e) { alertError(explainRefusal(e, 'follow this project')); },
  });

  function draw() {
    frame = 0;
    if (approvalsDue) { approvalsDue = false; approvals.refresh(); } // re-read only when an approval event arrived
    if (board.currentSprint !== drawnSprint) { // a new sprint moves every card: once per sprint
      drawnSprint = board.currentSprint;
      sprintTitle.textContent = board.currentSprint ? 'Sprint ' + board.currentSprint : 'Sprint (not planned yet)';
      for (const t of board.tasks.keys()) dirty.add(t);
    }
    const moves = [];
    for (const taskId of dirty) {
      const t = board.tasks.get(taskId);
      if (!t) continue;
      let card = cards.get(taskId);
      if (!card) {
        card = { el: h('li', { className: 'card', id: 'task-' + taskId, 'data-order': String(t.order) }), place: null };
        cards.set(taskId, card);
      }
      fill(card.el, t);
      const place = placeOf(t);
      if (place !== card.place) {
        if (card.place && lists.has(card.place)) moves.push(taskId + ' to ' + place);
        card.place = place;
        insertInOrder(lists.get(place) || (place === 'backlog' ? backlog : earlier), card.el, t.order);
      }
    }
    dirty.clear();
    for (const [name, list] of lists) counts.get(name).textContent = String(list.childElementCount);
    backlogCount.textContent = '(' + backlog.childElementCount + ')';
    if (moves.length && moves.length <= 3) say('Moved ' + moves.join(', ') + '.');
    drawBudget();
    drawCalls();
    drawReviews();
    while (drawnNotes < board.notes.length) notes.append(h('li', {}, board.notes[drawnNotes++]));
    if (board.status !== drawnStatus) {
      drawnStatus = board.status;
      statusBadge.textContent = board.status;
      statusBadge.className = 'badge ' + board.status;
      if (TERMINAL.has(board.status)) say('Project ' + board.status.toLowerCase() + (board.stopReason ? ': ' + board.stopReason : '.'));
      drawActions();
    }
    if (board.name && title.textContent === 'Project') title.textContent = board.name;
  }

  /** Cards stand in the order their tasks were planned, whichever moved first. */
  function insertInOrder(list, el, order) {
    const before = list.lastElementChild;
    if (!before || Number(before.dataset.order) < order) { list.append(el); return; }
    for (const child of list.children) {
      if (Number(child.dataset.order) > order) { list.insertBefore(el, child); return; }
    }
    list.append(el);
  }

  function placeOf(t) {
    if (t.sprint === board.currentSprint && t.sprint > 0) return columnOf(board, t);
    if (t.sprint > 0 && t.sprint < board.currentSprint) return 'earlier';
    return 'backlog';
  }

  function fill(el, t) {
    const state = t.state === 'abandoned' || t.state === 'blocked' ? h('span', { className: 'badge ' + t.state }, t.state) : null;
    el.replaceChildren(
      h('div', { className: 'title' }, t.id, ' · ', t.title, ' ', state),
      h('dl', {},
        h('dt', {}, 'role'), h('dd', {}, t.role || '—'),
        h('dt', {}, 'agent'), h('dd', {}, t.agent || '—'),
        h('dt', {}, 'tier'), h('dd', {}, t.tier ? t.tier + (t.model ? ' (' + t.model + ')' : '') : '—'),
        h('dt', {}, 'cost'), h('dd', {}, usd(t.cost)),
        t.points ? [h('dt', {}, 'points'), h('dd', {}, String(t.points))] : null,
        t.attempt > 1 ? [h('dt', {}, 'attempt'), h('dd', {}, String(t.attempt))] : null,
        t.failure ? [h('dt', {}, 'failed'), h('dd', { className: 'error' }, t.failure)] : null));
  }

  /** Reserved as the server reports it; when it cannot, the gauge says so and counts nothing for it. */
  function readReserved() {
    get('/api/v1/projects/' + id + '/budget', { quiet404: true })
      .then(b => { reserved = b; })
      .catch(e => { reserved = { reservedMicros: null, reservedExplained: 'the server said: ' + e.message }; })
      .finally(drawGauge); // not drawBudget: a reading must not rewrite the amount a person is about to type over
  }

  function drawBudget() {
    drawGauge();
    const amount = actions.querySelector('#new-budget');
    if (amount && !amount.dataset.edited) amount.value = (board.budget / 1e6 + 1).toFixed(2); // a dollar more, until typed in
  }

  function drawGauge() {
    const held = reserved && reserved.reservedMicros != null ? reserved.reservedMicros : null; // null or absent: unknown
    const left = Math.max(0, board.budget - board.spent - (held ?? 0));
    meter.max = String(board.budget || 1);
    meter.value = String(Math.min(board.spent + (held ?? 0), board.budget || 1));
    meter.high = String((board.budget || 1) * 0.8);
    meter.setAttribute('aria-valuetext', usd(board.spent) + ' spent' + (held === null ? '' : ', ' + usd(held) + ' reserved')
      + ' of ' + usd(board.budget));
    budgetText.textContent = 'Spent ' + usd(board.spent) + ' of ' + usd(board.budget) + ' · left ' + usd(left);
    if (!reserved) reservedText.textContent = 'Reserved: asking the server…';
    else if (held !== null) reservedText.textContent = 'Reserved: ' + usd(held) + ' (' + reserved.reservedExplained + '); left counts it.';
    else reservedText.textContent = 'Reserved: not reported by the API (' + (reserved.reservedExplained || 'no reason given') + '). The router\'s '
      + 'budget ledger holds each call\'s worst case while it runs (ADR 0034); spent here is the sum of completed calls.';
    if (reservedPoll && TERMINAL.has(board.status)) { clearInterval(reservedPoll); reservedPoll = 0; readReserved(); } // a last look
  }

  function drawCalls() {
    callsCount.textContent = '(' + board.calls.length + ')';
    for (; drawnCalls < board.calls.length; drawnCalls++) {
      const c = board.calls[drawnCalls];
      const tier = c.fallback && c.requestedTier ? c.tier + ' (chosen ' + c.requestedTier + ', fell back)' : c.tier;
      const flags = [c.scripted ? 'recorded' : null, c.cached ? 'cached' : null].filter(Boolean).join(', ');
      calls.append(h('tr', {},
        h('td', {}, c.task), h('td', {}, c.role), h('td', {}, tier), h('td', {}, c.model, flags ? ' [' + flags + ']' : ''),
        h('td', { className: 'num' }, c.tokensIn + ' / ' + c.tokensOut), h('td', { className: 'num' }, usd(c.cost)),
        h('td', { className: 'num' }, String(c.latency)),
        h('td', {}, c.reason + (c.score !== null ? ' (score ' + Number(c.score).toFixed(2) + ')' : ''))));
      if (calls.childElementCount > MAX_CALL_ROWS) calls.firstElementChild.remove(); // the newest stay on the page
    }
  }

  function drawReviews() {
    if (board.reviews.length === drawnReviews) return;
    drawnReviews = board.reviews.length;
    if (!drawnReviews) return;
    reviews.replaceChildren(...board.reviews.map(r => h('article', { className: 'panel review' },
      h('h3', {}, r.label, ': ', h('span', { className: r.passed ? 'passed' : 'failed' }, r.passed ? 'passed' : 'failed')),
      h('p', {}, r.testsRun + ' tests run, ' + r.testsFailed + ' failed', r.command ? ' · ' + r.command : '',
        r.isolation ? ' · ' + r.isolation : ''),
      r.defects.length ? h('ul', {}, r.defects.map(d => h('li', {}, d.title + (d.role ? ' (for ' + d.role + ')' : ''),
        d.output ? h('pre', { 'aria-label': 'failing output of ' + d.title, tabindex: '0' }, d.output) : null))) : null,
      r.output ? h('details', { open: !r.passed }, h('summary', {}, 'Test output'),
        h('pre', { 'aria-label': 'test output of ' + r.label, tabindex: '0' }, r.output)) : null)));
  }

  function drawActions() {
    const shape = may('submitter') + '/' + TERMINAL.has(board.status);
    if (shape === drawnActions) return; // redrawn only when what may be done changes: a half-typed amount stays
    drawnActions = shape;
    const role = current()?.role ?? 'none';
    if (!may('submitter')) {
      actions.replaceChildren(h('p', { className: 'muted', id: 'actions-explained' },
        'Your role ' + role + ' may watch this project but not stop it or change its budget (a submitter may).'));
      return;
    }
    if (TERMINAL.has(board.status)) {
      actions.replaceChildren(h('p', { className: 'muted' }, 'The project is ' + board.status.toLowerCase() + ': nothing left to stop or fund.'));
      return;
    }
    const amount = h('input', { id: 'new-budget', type: 'number', min: '0.000001', step: 'any',
      value: ((board.budget || 0) / 1e6 + 1).toFixed(2), oninput: () => { amount.dataset.edited = 'yes'; } });
    const result = h('p', { role: 'status', id: 'action-result' });
    actions.replaceChildren(
      h('div', {}, h('label', { for: 'new-budget' }, 'New budget (US dollars)'), amount),
      h('button', { type: 'button', id: 'set-budget', onclick: () => act('change the budget of projects', () =>
        post('/api/v1/projects/' + id + '/budget', { budgetMicros: Math.round(Number(amount.value) * 1e6) }), result) },
        'Set budget'),
      h('button', { type: 'button', className: 'danger', id: 'stop', onclick: () => {
        if (confirm('Stop this project? Running tasks are abandoned and nothing more is delivered.')) {
          act('stop projects', () => post('/api/v1/projects/' + id + '/stop'), result);
        }
      } }, 'Stop project'),
      result);
  }

  async function act(what, request, result) {
    try {
      await request();
      result.textContent = 'Done: the change is recorded; the board follows from the stream.';
      result.className = '';
    } catch (e) {
      result.textContent = explainRefusal(e, what);
      result.className = 'error';
    }
  }

  return () => { stop(); if (frame) cancelAnimationFrame(frame); clearInterval(reservedPoll); };
}
