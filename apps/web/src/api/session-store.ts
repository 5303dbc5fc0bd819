import type { components } from './schema';

export type SessionResponse = components['schemas']['SessionResponse'];

/** The tokens of the signed-in user, kept for this browser tab only (closing it signs out). */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch when the access token stops being accepted. */
  expiresAt: number;
}

const KEY = 'eiso.session';
const listeners = new Set<(session: StoredSession | null) => void>();

export const sessionStore = {
  get(): StoredSession | null {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as StoredSession;
    } catch {
      return null;
    }
  },
  save(session: SessionResponse): StoredSession {
    const stored: StoredSession = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: Date.now() + session.expiresIn * 1000,
    };
    sessionStorage.setItem(KEY, JSON.stringify(stored));
    listeners.forEach((listener) => listener(stored));
    return stored;
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener(null));
  },
  /** Told when the session changes (signed in, refreshed, ended); returns the unsubscribe. */
  subscribe(listener: (session: StoredSession | null) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
