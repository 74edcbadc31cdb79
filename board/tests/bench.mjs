// The board's drawing speed, measured (./aios bench board): how long Debian's headless Chromium takes from opening a
// project's board to showing all of its tasks in done, for projects of 100, 500 and 2,000 tasks, against baselines
// measured in the same run: an empty board, and parsing and folding the same events with the board's own sse.js and
// model.js, without drawing.
//
// The project is synthetic and says so: a small server of this script's own (127.0.0.1, a free port) serves the
// board's static files from orchestrator/src/main/resources/static, as the orchestrator's jar does, and answers the
// few API calls a board makes with a generated stream (each task assigned, started, one LLM call, completed). No
// platform runs; nothing here is a real project's figure. Environment: CHROMIUM (default /usr/bin/chromium),
// BENCH_SIZES (default 100,500,2000), BENCH_ROUNDS (default 5).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { syntheticStream } from './synthetic.mjs';

const STATIC = fileURLToPath(new URL('../../orchestrator/src/main/resources/static/', import.meta.url));
const sizes = (process.env.BENCH_SIZES || '100,500,2000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS || 5);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const projectId = n => '00000000-0000-4000-8000-' + String(n).padStart(12, '0');
const streams = new Map([0, ...sizes].map(n => [n, syntheticStream(n)]));
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const project = /^\/api\/v1\/projects\/00000000-0000-4000-8000-(\d{12})(\/[a-z]+)?$/.exec(path);
  if (project) {
    const n = Number(project[1]);
    if (project[2] === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      return res.end(streams.get(n));
    }
    if (project[2] === '/approvals') return json(res, 200, []);
    if (project[2]) return json(res, 404, { title: 'Not Found', status: 404 });
    return json(res, 200, { id: projectId(n), name: 'synthetic-' + n, status: 'DELIVERED' });
  }
  const file = normalize(join(STATIC, path === '/' ? 'index.html' : path));
  if (!file.startsWith(STATIC)) return json(res, 404, {});
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    json(res, 404, { title: 'Not Found', status: 404 });
  }
});
function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const url = 'http://127.0.0.1:' + server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
// an unsigned token of the shape the board reads (it only reads it; this server checks nothing)
const payload = Buffer.from(JSON.stringify({ sub: 'bench', tenant: 'default', roles: ['viewer'], exp: 4102444800 })).toString('base64url');
await context.addInitScript(t => sessionStorage.setItem('aios.token', t), 'e30.' + payload + '.unsigned');
const page = await context.newPage();

const median = xs => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`board benchmark: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}, Chromium ${browser.version()}, ${rounds} rounds a size`);
console.log('synthetic projects served by this benchmark (not a platform): each task assigned, started, one LLM call, completed');
console.log('');
// baselines from the same run: an empty project's board (the page's own cost), and parsing and folding the same
// text with the board's sse.js and model.js, without fetching or drawing
const opened = async n => {
  const started = Date.now();
  await page.goto(url + '/#/projects/' + projectId(n));
  await page.waitForFunction(k => document.querySelectorAll('#column-done .card').length === k
    && /DELIVERED/.test(document.getElementById('project-status')?.textContent || ''), n, { polling: 'raf', timeout: 120_000 });
  return Date.now() - started;
};
const empty = [];
for (let r = 0; r < rounds; r++) empty.push(await opened(0));
const e0 = median(empty);
console.log(`an empty project's board opens in ${e0} ms (median): the page's own cost, taken off below`);
console.log('');
console.log('tasks  events  parse+fold  open to all done  above empty  per task  drawing / parse+fold');
for (const n of sizes) {
  const fold = [], draw = [];
  for (let r = 0; r < rounds; r++) {
    await page.goto(url + '/#/projects');
    fold.push(await page.evaluate(async ([text]) => {
      const { apply, emptyBoard } = await import('/board/model.js');
      const { parseChunk } = await import('/board/sse.js');
      const started = performance.now();
      const board = emptyBoard();
      parseChunk(text, e => apply(board, e)); // the board's own parser and fold, without fetch or drawing
      return performance.now() - started;
    }, [streams.get(n)]));
    draw.push(await opened(n));
  }
  const f = median(fold), d = median(draw), above = Math.max(0, d - e0);
  console.log(`${String(n).padStart(5)}  ${String(4 * n + 6).padStart(6)}  ${f.toFixed(1).padStart(6)} ms  ${String(d).padStart(13)} ms`
    + `  ${String(above).padStart(8)} ms  ${(1000 * above / n).toFixed(0).padStart(5)} µs  ${(above / f).toFixed(0).padStart(13)}x`);
}
await browser.close();
server.close();
