import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/api-error';
import { usePrefersReducedMotion } from '../ui/use-reduced-motion';
import { AuthProvider } from '../auth/AuthProvider';
import { PageFallback } from './PageFallback';
import { ROUTES } from './routes';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (403, 404, 422) will not change by asking again; a network failure may.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter(ROUTES);

export function App() {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={viVN}
      theme={{
        token: {
          colorPrimary: '#a8071a',
          borderRadius: 6,
          fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
          // Secondary texts dark enough for WCAG AA contrast (4.5:1) on white and on grey.
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextDescription: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
          colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
          colorLink: '#a8071a',
          // antd's default red (#ff4d4f) is below 4.5:1 on white for danger buttons and texts.
          colorError: '#c41d1d',
          // No zoom or slide animations for users who ask their system for less motion.
          motion: !reducedMotion,
        },
      }}
    >
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <Suspense fallback={<PageFallback />}>
            <RouterProvider router={router} />
          </Suspense>
        </AuthProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
