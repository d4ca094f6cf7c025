// Calls to dyad's HTTP API (GET /v1/openapi.json describes them). Every error the server sends is
// {"error": "..."}; it becomes an Error with that message.

export async function api(path, { method = 'GET', body, type, token } = {}) {
  const headers = {};
  if (type) headers['Content-Type'] = type;
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(path, { method, body, headers });
  let json = null;
  try { json = await res.json(); } catch { /* not JSON: reported below */ }
  if (!res.ok) throw new Error(json && json.error ? json.error : `HTTP ${res.status}`);
  if (json === null) throw new Error(`${path}: the server did not answer with JSON`);
  return json;
}

export const QUAD_NAMES = ['neutral', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#98a2b3', '#7fb3ea', '#2f7fd3', '#f0a07a', '#d3452f'];

export function actorLabel(a) {
  if (!a) return '';
  return a.code || a.text;
}

// Escapes text for innerHTML.
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
