// What waits for a person's approval (issue 14, part 3; ADR 0014), from GET …/approvals: each waiting item with what
// it is and why it waits, approved with POST …/approvals/{item}/grant or rejected with …/reject {"feedback"}; below
// it, what was decided and by whom, so a rejection and the proposal that answered it stand side by side. A project
// that asks for no approval has none, and the panel stays hidden.
import { get, post, explainRefusal } from './api.js';
import { may } from './session.js';
import { h } from './dom.js';

const STATUS = { WAITING: 'waiting', GRANTED: 'approved', REJECTED: 'rejected', TIMED_OUT: 'timed out' };

// What a rejection sets going, by kind (ADR 0014), said as it is: a sprint's plan is the planner's, not a model's, so
// feedback alone does not change it.
function afterRejection(kind, deferTasks = []) {
  switch (kind) {
    case 'backlog': return 'The CTO plans the backlog again with your feedback; the new plan waits here.';
    case 'sprint': return deferTasks.length
      ? 'The sprint is planned again without ' + deferTasks.join(', ') + ' (and what depends on them); the agents of the tasks that stay get your feedback; the plan waits here.'
      : 'The sprint comes back with the same tasks (the planner fills a sprint by capacity; leave tasks out to change it); their agents get your feedback; the plan waits here.';
    case 'risky-change': return 'The agent redoes its task with your feedback; the new change waits here if it is still risky.';
    default: return 'Your feedback goes back to the proposer.';
  }
}

export function approvalsPanel(id) {
  const waitingList = h('div', { id: 'approvals-waiting' });
  const decidedList = h('ol', { id: 'approvals-decided' });
  const decided = h('details', { id: 'approvals-history' }, h('summary', {}, 'Decided'), decidedList);
  // what the last decision did: outside the list, which an approval event redraws
  const notice = h('p', { role: 'status', id: 'approvals-notice' });
  const panel = h('section', { className: 'panel', id: 'approvals', 'aria-labelledby': 'approvals-title', hidden: true },
    h('h2', { id: 'approvals-title' }, 'Approvals'), notice, waitingList, decided);
  const base = '/api/v1/projects/' + id + '/approvals';

  async function refresh() {
    let items;
    try {
      items = await get(base);
    } catch (e) {
      panel.hidden = false;
      waitingList.replaceChildren(h('p', { className: 'error' }, explainRefusal(e, 'read the approvals')));
      return;
    }
    panel.hidden = items.length === 0;
    const waiting = items.filter(a => a.status === 'WAITING');
    waitingList.replaceChildren(waiting.length === 0 ? h('p', { className: 'muted' }, 'Nothing waits for a person.')
      : h('ul', {}, waiting.map(waitingItem)));
    const done = items.filter(a => a.status !== 'WAITING');
    decided.hidden = done.length === 0;
    decided.open = done.some(a => a.status === 'REJECTED');
    decidedList.replaceChildren(...done.map(decidedItem));
  }

  function waitingItem(a) {
    const feedback = h('textarea', { id: 'feedback-' + a.item, rows: '2' });
    // a sprint's plan: a rejection may leave tasks out of it (and what depends on them) for a later sprint
    const defer = a.kind === 'sprint' && a.sprintTaskIds.length > 1 ? a.sprintTaskIds.map(task => ({ task,
      box: h('input', { type: 'checkbox', id: 'defer-' + a.item + '-' + task, value: task }) })) : [];
    const act = async (verb, body) => {
      try {
        await post(base + '/' + encodeURIComponent(a.item) + '/' + verb, body);
        notice.textContent = a.item + (verb === 'grant' ? ': Approved.' : ': Rejected. ' + afterRejection(a.kind, body?.deferTasks));
        notice.className = '';
      } catch (e) {
        notice.textContent = a.item + ': ' + explainRefusal(e, verb === 'grant' ? 'approve this' : 'reject this');
        notice.className = 'error';
      }
    };
    return h('li', { className: 'card', id: 'approval-' + a.item },
      h('div', { className: 'title' }, a.item + ' (' + a.kind.replace('-', ' ') + (a.taskId ? ' of ' + a.taskId : '') + ')'),
      a.what.length ? h('ul', { className: 'what' }, a.what.map(w => h('li', {}, w))) : null,
      a.why.length ? h('p', {}, 'Why it waits: ' + a.why.join('; ')) : null,
      a.deadline ? h('p', { className: 'muted' }, 'Decided automatically at ' + a.deadline + ' if nobody does.') : null,
      may('submitter') ? [
        h('label', { for: 'feedback-' + a.item }, 'Feedback (for a rejection)'), feedback,
        defer.length ? h('fieldset', {}, h('legend', {}, 'Leave out of this sprint (with a rejection; what depends on them goes too)'),
          defer.map(d => h('div', {}, d.box, ' ', h('label', { for: d.box.id }, d.task)))) : null,
        h('div', { className: 'actions' },
          h('button', { type: 'button', className: 'primary', onclick: () => act('grant') }, 'Approve'),
          h('button', { type: 'button', className: 'danger', onclick: () => {
            if (!feedback.value.trim()) { notice.textContent = 'Say why in the feedback: the proposer reads it.'; return; }
            const deferTasks = defer.filter(d => d.box.checked).map(d => d.task);
            act('reject', deferTasks.length ? { feedback: feedback.value.trim(), deferTasks } : { feedback: feedback.value.trim() });
          } }, 'Reject')),
      ] : h('p', { className: 'muted' }, 'Your role may not approve or reject (a submitter may).'));
  }

  function decidedItem(a) {
    return h('li', { id: 'decided-' + a.item },
      h('strong', {}, a.item), ' ' + (STATUS[a.status] ?? a.status.toLowerCase()) + (a.decidedBy ? ' by ' + a.decidedBy : ''),
      a.feedback ? h('blockquote', {}, a.feedback) : null);
  }

  return { panel, refresh };
}
