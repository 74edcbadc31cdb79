// Every data call of the board: the bearer token on each, problem details read into errors a person can act on.
import { token, current } from './session.js';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || ('HTTP ' + status));
    this.status = status;
    this.title = title;
  }
}

/** A 401 anywhere sends the person back to the login page with the server's reason. */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

export function headers(extra = {}) {
  return { Authorization: 'Bearer ' + token(), ...extra };
}

export async function call(method, path, body, { quiet404 = false } = {}) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response, quiet404);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export async function failure(response, quiet404 = false) {
  let title = response.statusText, detail = '';
  try {
    const problem = await response.json();
    title = problem.title || title;
    detail = problem.detail || '';
  } catch { /* not a problem detail */ }
  const error = new ApiError(response.status, title, detail);
  if (response.status === 401) onUnauthorized(error.message);
  else if (response.status === 404 && quiet404) error.quiet = true;
  return error;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body) => call('POST', path, body);

/** What a person reads when a call fails: a 403 names their role and what it may not do. */
export function explainRefusal(error, what) {
  const who = current();
  if (error instanceof ApiError && error.status === 403) {
    return 'Your role ' + (who ? who.role : 'none') + ' may not ' + what + ' (' + error.message + ').';
  }
  return 'Could not ' + what + ': ' + error.message;
}
