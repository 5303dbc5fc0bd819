import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { api, call } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { QueryState } from '../../ui/QueryState';
import { ChecklistItemCard } from './ChecklistItemCard';
import type { Audit } from './labels';
import { useAuditRole } from './use-audit';

/** The checklist made from the scope when the audit started; the team answers it while in progress. */
export function ChecklistTab({ audit }: { audit: Audit }) {
  const { inTeam } = useAuditRole(audit);
  const canConduct = useCan(P.AuditConduct);
  const editable = audit.state === 'in_progress' && inTeam && canConduct;
  const query = useQuery({
    queryKey: ['audits', 'checklist', audit.id],
    queryFn: () => call(api.GET('/api/v1/audits/{id}/checklist', { params: { path: { id: audit.id } } })),
  });
  return (
    <QueryState query={query}>
      {({ items }) => {
        const answered = items.filter((i) => i.answer !== null).length;
        return (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              Danh mục kiểm tra
            </Typography.Title>
            <Alert
              type={answered === items.length ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              message={`Đã trả lời ${answered}/${items.length} câu hỏi.`}
            />
            {items.map((item) => (
              <ChecklistItemCard key={`${item.id}-${item.version}`} item={item} editable={editable} />
            ))}
          </>
        );
      }}
    </QueryState>
  );
}
