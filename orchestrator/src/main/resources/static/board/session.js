// The signed-in person: the pasted bearer token (sessionStorage, so it ends with the tab) and what its payload says.
// The payload is only read, never trusted: the server checks every call; this only hides what would be refused.
const KEY = 'aios.token';
export const ROLES = ['viewer', 'submitter', 'operator', 'admin'];

export function decode(token) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('a token has three dot-separated parts (a JWT); this one has ' + parts.length);
  let json;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - b64.length % 4) % 4)), c => c.charCodeAt(0));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('the token\'s payload is not readable JSON: is it the whole token?');
  }
  // the server reads the claim it is configured with (aios.security.roles-claim); these are the usual places
  const claim = json.roles ?? json.role ?? json.realm_access?.roles ?? json.groups ?? [];
  const roles = (typeof claim === 'string' ? claim.split(/[\s,]+/) : [].concat(claim)).map(String);
  const role = ROLES.filter(r => roles.includes(r)).pop() ?? 'none';
  return { subject: json.sub ?? '?', tenant: json.tenant ?? '?', role, expires: json.exp ? new Date(json.exp * 1000) : null };
}

/** Whether the signed-in role includes {@code least} (roles include the ones before them). */
export function may(least) {
  const who = current();
  return who !== null && ROLES.indexOf(who.role) >= ROLES.indexOf(least);
}

export function token() { return sessionStorage.getItem(KEY); }

export function current() {
  const t = token();
  if (!t) return null;
  try { return decode(t); } catch { return null; }
}

export function signIn(t) { decode(t); sessionStorage.setItem(KEY, t); }

export function signOut() { sessionStorage.removeItem(KEY); }
