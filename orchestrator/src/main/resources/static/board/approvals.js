// What waits for a person's approval (issue 14, part 3): GET …/approvals, POST …/approvals/{item}/grant and
// …/reject {"feedback"}. The panel stays hidden where the server has no approvals endpoint (a 404).
import { get, post, explainRefusal } from './api.js';
import { may } from './session.js';
import { h } from './dom.js';

export function approvalsPanel(id) {
  const list = h('div', { id: 'approvals-list' });
  const panel = h('section', { className: 'panel', id: 'approvals', 'aria-labelledby': 'approvals-title', hidden: true },
    h('h2', { id: 'approvals-title' }, 'Waiting for approval'), list);
  const base = '/api/v1/projects/' + id + '/approvals';

  async function refresh() {
    let answer;
    try {
      answer = await get(base, { quiet404: true });
    } catch (e) {
      panel.hidden = e.status === 404 || e.status === 405;
      if (!panel.hidden) list.replaceChildren(h('p', { className: 'error' }, explainRefusal(e, 'read the approvals')));
      return;
    }
    panel.hidden = false;
    const items = (Array.isArray(answer) ? answer : answer.items || []);
    const waiting = items.filter(a => !a.status || /WAIT|PEND|REQUEST/i.test(a.status));
    list.replaceChildren(waiting.length === 0 ? h('p', { className: 'muted' }, 'Nothing waits for a person.')
      : h('ul', {}, waiting.map(item)));
  }

  function item(a) {
    const name = a.item ?? a.id ?? a.itemId;
    const feedback = h('textarea', { id: 'feedback-' + name, rows: '2' });
    const result = h('p', { role: 'status' });
    const act = async (verb, body) => {
      try {
        await post(base + '/' + encodeURIComponent(name) + '/' + verb, body);
        result.textContent = verb === 'grant' ? 'Approved.' : 'Rejected; the feedback goes back to the proposer.';
      } catch (e) {
        result.textContent = explainRefusal(e, verb === 'grant' ? 'approve this' : 'reject this');
        result.className = 'error';
      }
    };
    const lines = v => (Array.isArray(v) ? v : v ? [String(v)] : []);
    return h('li', { className: 'card' },
      h('div', { className: 'title' }, name + (a.kind ? ' (' + String(a.kind).toLowerCase().replace(/_/g, ' ') + ')' : '')),
      lines(a.what).length ? h('ul', { className: 'what' }, lines(a.what).map(w => h('li', {}, w))) : null,
      lines(a.why ?? a.reason).length ? h('p', {}, lines(a.why ?? a.reason).join('; ')) : null,
      may('submitter') ? [
        h('label', { for: 'feedback-' + name }, 'Feedback (for a rejection)'), feedback,
        h('div', { className: 'actions' },
          h('button', { type: 'button', className: 'primary', onclick: () => act('grant') }, 'Approve'),
          h('button', { type: 'button', className: 'danger', onclick: () => {
            if (!feedback.value.trim()) { result.textContent = 'Say why in the feedback: the proposer reads it.'; return; }
            act('reject', { feedback: feedback.value.trim() });
          } }, 'Reject')),
        result,
      ] : h('p', { className: 'muted' }, 'Your role may not approve or reject (a submitter may).'));
  }

  return { panel, refresh };
}
