import type { ReactNode } from 'react';
import type { Permission } from './permissions';
import { useCan } from './use-auth';

/** Shows its children only to a user holding one of the permissions. */
export function Can({
  permission,
  children,
}: {
  permission: Permission | Permission[];
  children: ReactNode;
}) {
  const allowed = useCan(...(Array.isArray(permission) ? permission : [permission]));
  return allowed ? <>{children}</> : null;
}
