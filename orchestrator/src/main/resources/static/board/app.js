// The board's entry point: hash routes (#/login, #/projects, #/projects/{id}, #/projects/{id}/repository, #/dlq),
// each a view drawn into <main>. Every view reads the API with the signed-in token; a 401 anywhere returns here.
import { whenUnauthorized, get, post, explainRefusal } from './api.js';
import { current, may, signIn, signOut, decode } from './session.js';
import { h, usd, say, alertError } from './dom.js';
import { boardView } from './board.js';
import { repositoryView } from './repository.js';
import { dlqView } from './dlq.js';

const main = document.getElementById('main');
let leave = () => {};
let loginReason = '';

whenUnauthorized(reason => {
  signOut();
  loginReason = reason;
  location.hash = '#/login';
});

function header() {
  const who = current();
  document.getElementById('who').textContent = who ? 'Signed in as ' + who.subject + ' · tenant ' + who.tenant + ' · role ' + who.role : '';
  document.getElementById('sign-out').hidden = !who;
  for (const link of document.querySelectorAll('[data-least-role]')) link.hidden = !may(link.dataset.leastRole);
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  loginReason = 'Signed out.';
  location.hash = '#/login';
});

function route() {
  leave();
  leave = () => {};
  alertError('');
  say('');
  main.replaceChildren();
  header();
  const path = location.hash.replace(/^#/, '') || '/projects';
  if (!current() && path !== '/login') {
    location.hash = '#/login';
    return;
  }
  let m;
  if (path === '/login') leave = loginView(main);
  else if (path === '/projects') leave = projectsView(main);
  else if ((m = path.match(/^\/projects\/([0-9a-f-]{36})$/))) leave = boardView(main, m[1]);
  else if ((m = path.match(/^\/projects\/([0-9a-f-]{36})\/repository$/))) leave = repositoryView(main, m[1]);
  else if (path === '/dlq') leave = dlqView(main);
  else main.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/projects' }, 'Back to the projects')));
  const heading = main.querySelector('h1');
  if (heading) document.title = heading.textContent + ' · AIOS board';
  main.focus();
}

function loginView(root) {
  const input = h('textarea', { id: 'token', name: 'token', rows: '4', required: true, spellcheck: 'false',
    autocomplete: 'off', 'aria-describedby': 'token-hint login-error' });
  const error = h('p', { id: 'login-error', className: 'error', role: 'alert' }, loginReason);
  const form = h('form', { 'aria-labelledby': 'login-title' },
    h('label', { for: 'token' }, 'Bearer token'),
    input,
    h('p', { id: 'token-hint', className: 'hint' }, './aios up writes an admin token to $AIOS_HOME/admin.token (default ~/.aios); ',
      './aios token --role viewer|submitter|operator|admin prints others. The token stays in this tab only.'),
    error,
    h('button', { type: 'submit', className: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = input.value.trim();
    try {
      decode(value);
    } catch (e) {
      error.textContent = 'This is not a usable token: ' + e.message;
      return;
    }
    signIn(value);
    try {
      await get('/api/v1/projects?size=1'); // the server decides: signature, issuer, audience, expiry
      loginReason = '';
      location.hash = '#/projects';
    } catch (e) {
      signOut();
      error.textContent = e.status === 401 ? 'The server refused this token: ' + e.message : 'Could not sign in: ' + e.message;
      if (location.hash !== '#/login') location.hash = '#/login';
    }
  });
  root.append(h('h1', { id: 'login-title' }, 'Sign in'), form);
  return () => {};
}

function projectsView(root) {
  const body = h('tbody');
  const table = h('table', { 'aria-describedby': 'projects-caption' },
    h('caption', { id: 'projects-caption', className: 'muted' }, 'Projects of your tenant, newest first'),
    h('thead', {}, h('tr', {}, ['Name', 'Status', 'Waiting for approval', 'Sprint', 'Tasks done', 'Spent', 'Budget', 'Submitted by']
      .map((t, i) => h('th', { scope: 'col', className: i >= 2 && i <= 6 ? 'num' : null }, t)))),
    body);
  root.append(h('h1', {}, 'Projects'), table);
  if (may('submitter')) root.append(submitForm());
  else root.append(h('p', { className: 'muted', id: 'submit-explained' },
    'Your role ' + (current()?.role ?? 'none') + ' may watch projects but not submit them (a submitter may).'));
  let timer = null, alive = true;
  const load = async () => {
    try {
      const page = await get('/api/v1/projects?size=100');
      body.replaceChildren(...page.items.map(p => h('tr', {},
        h('td', {}, h('a', { href: '#/projects/' + p.id }, p.name)),
        h('td', {}, h('span', { className: 'badge ' + p.status }, p.status)),
        h('td', { className: 'num' }, p.awaitingApprovals ? h('strong', {}, String(p.awaitingApprovals)) : '0'),
        h('td', { className: 'num' }, String(p.currentSprint)),
        h('td', { className: 'num' }, p.progress.tasksDone + ' / ' + p.progress.tasksTotal),
        h('td', { className: 'num' }, usd(p.cost.spentMicros)),
        h('td', { className: 'num' }, usd(p.cost.budgetMicros)),
        h('td', {}, p.submittedBy))));
      if (page.items.length === 0) body.append(h('tr', {}, h('td', { colspan: '8' }, 'No project yet.')));
    } catch (e) {
      alertError(explainRefusal(e, 'list projects'));
    }
    if (alive) timer = setTimeout(load, 5000); // a list is small: a poll every 5 s keeps statuses fresh
  };
  load();
  return () => { alive = false; clearTimeout(timer); };
}

function submitForm() {
  const field = (id, label, input, hint) => [h('label', { for: id }, label), input, hint ? h('p', { className: 'hint', id: id + '-hint' }, hint) : null];
  const name = h('input', { id: 'name', name: 'name', required: true, maxlength: '200' });
  const brief = h('textarea', { id: 'brief', name: 'brief', required: true, rows: '6' });
  const budget = h('input', { id: 'budget', name: 'budget', type: 'number', min: '0.000001', step: 'any', value: '5', required: true,
    'aria-describedby': 'budget-hint' });
  const sprints = h('input', { id: 'sprint-limit', name: 'sprintLimit', type: 'number', min: '1', max: '100', step: '1' });
  const approvals = [['backlog', 'The backlog, before sprint 1'], ['sprint', 'Each sprint\'s plan'],
    ['risky-changes', 'Risky changes (CI, Docker or deployment files, deletions, large changesets)']]
    .map(([value, label]) => ({ value, box: h('input', { type: 'checkbox', id: 'approve-' + value, value }), label }));
  const result = h('p', { role: 'status' });
  const form = h('form', { className: 'panel', 'aria-labelledby': 'submit-title' },
    h('h2', { id: 'submit-title' }, 'Submit a brief'),
    field('name', 'Project name', name),
    field('brief', 'Brief', brief),
    field('budget', 'Budget (US dollars)', budget, 'Spending stops (the project pauses) when it is reached; raise it later to resume.'),
    field('sprint-limit', 'Sprint limit (optional)', sprints),
    h('fieldset', {}, h('legend', {}, 'Wait for a person\'s approval of (optional)'),
      approvals.map(a => h('div', {}, a.box, ' ', h('label', { for: a.box.id }, a.label)))),
    h('p', {}, h('button', { type: 'submit', className: 'primary' }, 'Submit')), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const request = { name: name.value.trim(), brief: brief.value, budgetMicros: Math.round(Number(budget.value) * 1e6) };
    if (sprints.value) request.options = { sprintLimit: Number(sprints.value) };
    const chosen = approvals.filter(a => a.box.checked).map(a => a.value);
    if (chosen.length) request.approvals = chosen;
    try {
      const accepted = await post('/api/v1/projects', request);
      say('Submitted ' + request.name + '.');
      location.hash = '#/projects/' + accepted.id;
    } catch (e) {
      result.textContent = explainRefusal(e, 'submit projects');
      result.className = 'error';
    }
  });
  return form;
}

window.addEventListener('hashchange', route);
route();
