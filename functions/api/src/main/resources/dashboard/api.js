// Calls to the Tierline API with the signed-in person's bearer token. Errors are problem documents (RFC 9457).
import {session} from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * GET or POST JSON. A POST carries a fresh Idempotency-Key (a double-click acts once) and, when a version is
 * given, If-Match (acting on a ticket someone changed meanwhile answers 409 instead of overwriting).
 */
export async function api(path, {method = 'GET', body, version} = {}) {
  const s = session();
  const headers = {Accept: 'application/json'};
  if (s) headers.Authorization = 'Bearer ' + s.token;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Idempotency-Key'] = newKey();
  }
  if (version !== undefined && version !== null) headers['If-Match'] = '"' + version + '"';
  let res;
  try {
    res = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, {title: 'Network error', detail: 'The API cannot be reached: ' + e.message});
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw new ApiError(res.status, json || {status: res.status, title: res.statusText, detail: text});
  return json;
}

export const post = (path, body, version) => api(path, {method: 'POST', body: body || {}, version});
