import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error';

/** Loading and error states of a query, the same on every screen. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <Alert type="error" showIcon message={errorMessage(query.error)} />;
  if (query.isPending || query.data === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <>{children(query.data)}</>;
}
