import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './schema';
import { sessionStore, type SessionResponse } from './session-store';

/** Refresh this long before the access token expires, so a request never leaves with a stale one. */
const REFRESH_MARGIN_MS = 30_000;
let refreshing: Promise<string | null> | null = null;

/** One refresh at a time, whatever number of requests noticed the token was old. */
export function refreshSession(): Promise<string | null> {
  refreshing ??= (async () => {
    const current = sessionStore.get();
    if (!current) return null;
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!response.ok) {
        sessionStore.clear();
        return null;
      }
      return sessionStore.save((await response.json()) as SessionResponse).accessToken;
    } catch {
      return current.accessToken;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  const session = sessionStore.get();
  if (!session) return null;
  if (session.expiresAt - Date.now() < REFRESH_MARGIN_MS) return refreshSession();
  return session.accessToken;
}

const auth: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (schemaPath === '/api/v1/auth/login' || schemaPath === '/api/v1/auth/refresh') return request;
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, schemaPath }) {
    // The session ended on the server (revoked, password changed elsewhere): sign in again.
    if (response.status === 401 && schemaPath !== '/api/v1/auth/login') sessionStore.clear();
    return response;
  },
};

/** The typed API client: paths, parameters and bodies come from openapi.json (schema.d.ts). */
// `no-store`: TanStack Query is the cache; a browser's conditional request (If-None-Match → 304)
// would hand openapi-fetch an empty body.
export const api = createClient<paths>({ baseUrl: '', cache: 'no-store' });
api.use(auth);

/** Unwraps an openapi-fetch answer: the data, or an ApiError with the server's Vietnamese message. */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!result.response.ok) throw await ApiError.from(result.response, result.error);
  return result.data as T;
}

/** The If-Match header of an editable resource read with `version` (its ETag). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
