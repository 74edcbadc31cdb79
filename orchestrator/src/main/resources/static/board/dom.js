// A few DOM helpers: elements are built from text, never from HTML strings, so no event data can inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'className') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function usd(microsValue) {
  const v = Number(microsValue || 0) / 1e6;
  return '$' + (v !== 0 && Math.abs(v) < 0.01 ? v.toFixed(6) : v.toFixed(2));
}

export function say(text) {
  const status = document.getElementById('status');
  status.textContent = text;
}

export function alertError(text) {
  const alert = document.getElementById('alert');
  alert.textContent = text;
  alert.hidden = !text;
}
