import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { sessionStore } from '../api/session-store';
import type { Permission } from './permissions';

export type Me = components['schemas']['MeResponse'];

export interface AuthState {
  /** A session is stored in this tab (the user may still be loading). */
  signedIn: boolean;
  me: Me | undefined;
  loading: boolean;
  /** Whether the user's roles grant `permission` (the server checks every request all the same). */
  can: (permission: Permission) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export const ME_QUERY_KEY = ['me'] as const;

/** Holds the session and the signed-in user (`GET /api/v1/me`, with the permissions of their roles). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => sessionStore.get() !== null);
  useEffect(
    () =>
      sessionStore.subscribe((session) => {
        setSignedIn(session !== null);
        if (!session) queryClient.clear();
      }),
    [queryClient],
  );
  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: () => call(api.GET('/api/v1/me')),
    enabled: signedIn,
    staleTime: 60_000,
  });
  const permissions = useMemo(() => new Set<string>(me.data?.permissions ?? []), [me.data]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await call(api.POST('/api/v1/auth/login', { body: { username, password } }));
      queryClient.clear();
      sessionStore.save(session);
      return queryClient.fetchQuery({
        queryKey: ME_QUERY_KEY,
        queryFn: () => call(api.GET('/api/v1/me')),
      });
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    const session = sessionStore.get();
    if (session) {
      // Ends the session on the server too; signing out here goes on whatever it answers.
      await api
        .POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } })
        .catch(() => undefined);
    }
    sessionStore.clear();
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      signedIn,
      me: me.data,
      loading: signedIn && me.isPending,
      can: (permission) => permissions.has(permission),
      login,
      logout,
    }),
    [signedIn, me.data, me.isPending, permissions, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
