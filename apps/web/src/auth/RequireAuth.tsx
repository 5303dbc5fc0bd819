import { Navigate, Outlet, useLocation } from 'react-router';
import { PageFallback } from '../app/PageFallback';
import { useAuth } from './use-auth';

/** Signed-in screens: others go to the login; a temporary password goes to the password change. */
export function RequireAuth() {
  const { signedIn, me, loading } = useAuth();
  const location = useLocation();
  if (!signedIn) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (loading || !me) return <PageFallback />;
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}
