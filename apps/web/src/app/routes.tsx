import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';

/**
 * Every screen, by address. Each page is loaded when first opened (its own chunk), so the first
 * screen carries only the frame. Addresses match the links notifications carry
 * (libs/notifications/src/web-links.ts): /documents/:id, /records/:id, /audits/:id, /me, …
 */
const AppLayout = lazy(() => import('./AppLayout'));
const LoginPage = lazy(() => import('../areas/account/LoginPage'));
const ChangePasswordPage = lazy(() => import('../areas/account/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
// --- home ---
const HomePage = lazy(() => import('../areas/home/HomePage'));
// --- account ---
// --- notifications ---
// --- documents ---
// --- records ---
// --- audits ---
// --- capa ---
// --- admin ---

export const ROUTES: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/change-password', element: <ChangePasswordPage /> },
          // --- home routes ---
          { path: '/', element: <HomePage /> },
          // --- account routes ---
          // --- notifications routes ---
          // --- documents routes ---
          // --- records routes ---
          // --- audits routes ---
          // --- capa routes ---
          // --- admin routes ---
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
