// The delivered repository: its commits (one per completed task), the file tree at the chosen commit and the unified
// diff of each file that commit changed, from GET …/repository/commits and …/commits/{sha}; the whole repository as a
// zip (GET …/repository, with its .git) through a download button, since the link needs the bearer token.
import { get, explainRefusal, headers, failure } from './api.js';
import { h, alertError, say } from './dom.js';

export function repositoryView(root, id) {
  const commitList = h('ol', { className: 'commits', id: 'commits' });
  const tree = h('nav', { className: 'tree', id: 'tree', 'aria-label': 'Files at this commit' });
  const detail = h('section', { id: 'commit-detail', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Loading…'));
  const title = h('h1', {}, 'Repository');
  const download = h('button', { type: 'button', id: 'download', onclick: () => downloadZip(id, download) },
    'Download the repository (zip, with its git history)');
  root.append(
    h('p', {}, h('a', { href: '#/projects/' + id }, '← Board')),
    title,
    h('p', {}, download),
    h('div', { className: 'repo' },
      h('div', {}, h('h2', {}, 'Commits'), commitList, h('h2', {}, 'Files'), tree),
      detail));
  let alive = true;

  get('/api/v1/projects/' + id).then(p => { title.textContent = 'Repository of ' + p.name; }).catch(() => {});
  get('/api/v1/projects/' + id + '/repository/commits').then(commits => {
    if (!alive) return;
    if (commits.length === 0) {
      detail.replaceChildren(h('p', {}, 'No commit yet: a commit is made for each completed task.'));
      return;
    }
    const buttons = commits.slice().reverse().map(c => {
      const button = h('button', { type: 'button', 'data-sha': c.sha, onclick: () => show(c.sha, button) },
        h('strong', {}, c.subject), h('br'), h('span', { className: 'muted' }, c.sha.slice(0, 10) + ' · ' + c.author + ' · ' +
          c.files.length + (c.files.length === 1 ? ' file' : ' files')));
      commitList.append(h('li', {}, button));
      return button;
    });
    show(commits[commits.length - 1].sha, buttons[0]);
  }).catch(e => { detail.replaceChildren(); alertError(explainRefusal(e, 'read the repository')); });

  async function show(sha, button) {
    for (const b of commitList.querySelectorAll('button')) b.setAttribute('aria-current', String(b === button));
    try {
      const c = await get('/api/v1/projects/' + id + '/repository/commits/' + sha);
      if (!alive) return;
      const changed = new Map(c.files.map(f => [f.path, f.change]));
      tree.replaceChildren(treeOf(c.tree, changed));
      detail.replaceChildren(
        h('h2', {}, c.subject),
        h('p', { className: 'muted' }, c.sha + ' · ' + c.author + ' · ' + new Date(c.authoredAt).toISOString().replace('.000Z', 'Z')),
        h('pre', { className: 'message', 'aria-label': 'Commit message', tabindex: '0' }, c.message),
        ...c.files.map(f => h('section', { className: 'diff', id: 'diff-' + f.path, 'aria-label': 'Diff of ' + f.path },
          h('h3', {}, f.path, ' ', h('span', { className: 'badge' }, f.change.toLowerCase())),
          diffBlock(f.diff, f.path),
          f.truncated ? h('p', { className: 'muted' }, 'This diff was cut: download the repository for the whole file.') : null)));
    } catch (e) {
      alertError(explainRefusal(e, 'read this commit'));
    }
  }

  return () => { alive = false; };
}

async function downloadZip(id, button) {
  button.disabled = true;
  try {
    const response = await fetch('/api/v1/projects/' + id + '/repository', { headers: headers() });
    if (!response.ok) throw await failure(response);
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'repository.zip';
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    say('Downloaded ' + name + '.');
  } catch (e) {
    alertError(explainRefusal(e, 'download the repository'));
  } finally {
    button.disabled = false;
  }
}

function diffBlock(text, path) {
  // focusable: a long diff scrolls, and a keyboard must be able to scroll it too
  const pre = h('pre', { tabindex: '0', 'aria-label': 'Unified diff of ' + path });
  for (const line of text.split('\n')) {
    const kind = line.startsWith('+') && !line.startsWith('+++') ? 'add'
      : line.startsWith('-') && !line.startsWith('---') ? 'del' : line.startsWith('@@') ? 'hunk' : null;
    pre.append(kind ? h('span', { className: kind }, line) : line, '\n');
  }
  return pre;
}

/** Paths into nested lists: directories first, a changed file marked and linked to its diff. */
function treeOf(paths, changed) {
  const root = new Map();
  for (const path of paths) {
    let node = root;
    const parts = path.split('/');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node.set(part, path);
      else node = node.get(part + '/') ?? node.set(part + '/', new Map()).get(part + '/');
    });
  }
  const list = node => h('ul', {}, [...node.entries()]
    .sort(([a, av], [b, bv]) => (typeof av === 'string') - (typeof bv === 'string') || a.localeCompare(b))
    .map(([name, value]) => typeof value === 'string'
      ? h('li', {}, changed.has(value)
        ? h('a', { href: '#', onclick: e => { e.preventDefault(); document.getElementById('diff-' + value)?.scrollIntoView(); } },
          name, ' (' + changed.get(value).toLowerCase() + ')')
        : name)
      : h('li', {}, h('span', {}, name), list(value))));
  return list(root);
}
