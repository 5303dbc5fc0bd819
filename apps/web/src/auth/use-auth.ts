import { useContext } from 'react';
import { AuthContext, type AuthState } from './AuthProvider';
import type { Permission } from './permissions';

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** Whether the signed-in user may do this: screens offer only what the user can do. */
export function useCan(...permissions: Permission[]): boolean {
  const { can } = useAuth();
  return permissions.some((p) => can(p));
}
