// Dead letters (operators): each queue's depth, its first letters, and a redrive back to the work queue.
import { get, post, explainRefusal } from './api.js';
import { h, say, alertError } from './dom.js';

export function dlqView(root) {
  const body = h('tbody', { id: 'dlq-queues' });
  const letters = h('section', { id: 'dlq-letters', 'aria-live': 'polite' });
  root.append(h('h1', {}, 'Dead letters'),
    h('p', { className: 'muted' }, 'Messages an agent could not process, of your tenant\'s projects. Redrive sends them back to their queue.'),
    h('table', {}, h('thead', {}, h('tr', {}, ['Queue', 'Work queue', 'Depth', ''].map(t => h('th', { scope: 'col' }, t)))), body),
    letters);
  const load = async () => {
    try {
      const queues = await get('/api/v1/dlq');
      body.replaceChildren(...queues.map(q => h('tr', {},
        h('td', {}, q.name), h('td', {}, q.workQueue), h('td', { className: 'num' }, String(q.depth)),
        h('td', {}, h('button', { type: 'button', onclick: () => inspect(q.name) }, 'Inspect'), ' ',
          h('button', { type: 'button', disabled: q.depth === 0, onclick: () => redrive(q.name) }, 'Redrive')))));
      if (queues.length === 0) body.append(h('tr', {}, h('td', { colspan: '4' }, 'No dead-letter queue.')));
    } catch (e) {
      alertError(explainRefusal(e, 'see dead letters'));
    }
  };
  async function inspect(queue) {
    try {
      const list = await get('/api/v1/dlq/' + encodeURIComponent(queue) + '?max=20');
      letters.replaceChildren(h('h2', {}, queue + ': first ' + list.length),
        list.length === 0 ? h('p', {}, 'Empty.') : h('table', {},
          h('thead', {}, h('tr', {}, ['Type', 'Reason', 'From', 'Attempts', 'Failed at', 'Project'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, list.map(l => h('tr', {}, h('td', {}, l.type), h('td', {}, l.reason), h('td', {}, l.originalQueue),
            h('td', { className: 'num' }, String(l.attempts)), h('td', {}, new Date(l.failedAtEpochMillis).toISOString()),
            h('td', {}, l.correlationId))))));
    } catch (e) {
      alertError(explainRefusal(e, 'inspect dead letters'));
    }
  }
  async function redrive(queue) {
    try {
      const result = await post('/api/v1/dlq/' + encodeURIComponent(queue) + '/redrive?max=100');
      say('Redrove ' + result.redriven + (result.redriven === 1 ? ' letter of ' : ' letters of ') + queue + '.');
      load();
    } catch (e) {
      alertError(explainRefusal(e, 'redrive dead letters'));
    }
  }
  load();
  return () => {};
}
