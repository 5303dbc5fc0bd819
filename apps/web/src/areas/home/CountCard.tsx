import { useQuery } from '@tanstack/react-query';
import { Card, Statistic } from 'antd';
import { AppLink } from '../../ui/AppLink';
import { errorMessage } from '../../api/api-error';

/**
 * A home card: how many things wait, with the link to their list. Plain headings and texts, not
 * Typography: home is a first screen (scripts/web-bundle-size.js).
 */
export function CountCard({
  title,
  queryKey,
  count,
  to,
  linkText = 'Xem danh sách',
  hint,
}: {
  title: string;
  queryKey: readonly unknown[];
  count: () => Promise<number>;
  to: string;
  linkText?: string;
  hint?: string;
}) {
  const query = useQuery({ queryKey: ['home', ...queryKey], queryFn: count });
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={
          <h2 style={{ fontSize: 14, margin: 0, fontWeight: 500, color: 'rgba(0, 0, 0, 0.68)' }}>{title}</h2>
        }
        value={query.data ?? (query.error ? '—' : ' ')}
        loading={query.isPending}
      />
      {query.error ? <div style={{ color: '#c41d1d' }}>{errorMessage(query.error)}</div> : null}
      {hint ? <p style={{ margin: '4px 0 0', fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>{hint}</p> : null}
      <AppLink to={to} aria-label={`${linkText}: ${title}`}>
        {linkText}
      </AppLink>
    </Card>
  );
}
