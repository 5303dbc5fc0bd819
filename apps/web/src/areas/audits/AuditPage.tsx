import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { AuditFormModal, type AuditPlanBody } from './AuditFormModal';
import { AuditStateTag } from './AuditStateTag';
import { ChecklistTab } from './ChecklistTab';
import { FindingsTab } from './FindingsTab';
import type { Audit } from './labels';
import { PlanTab } from './PlanTab';
import { ReportTab } from './ReportTab';
import { useAudit, useAuditRole } from './use-audit';

/** One internal audit: its plan, checklist, findings and report, with the actions its state allows. */
export default function AuditPage() {
  const { id = '' } = useParams();
  const query = useAudit(id);
  return <QueryState query={query}>{(audit) => <AuditView audit={audit} />}</QueryState>;
}

function AuditView({ audit }: { audit: Audit }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const canPlan = useCan(P.AuditPlan);
  const canConduct = useCan(P.AuditConduct);
  const { isLead } = useAuditRole(audit);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['audits'] });
  const path = { id: audit.id };
  const header = ifMatch(audit.version);

  const act = async (name: string, run: () => Promise<unknown>, done: string) => {
    setBusy(name);
    try {
      await run();
      await refresh();
      void message.success(done);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const issuePlan = () =>
    modal.confirm({
      title: 'Ban hành kế hoạch đánh giá?',
      content: 'Trưởng các đơn vị được đánh giá và đoàn đánh giá sẽ nhận được thông báo.',
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: () =>
        act(
          'issue',
          () => call(api.POST('/api/v1/audits/{id}/issue-plan', { params: { path, header } })),
          'Đã ban hành kế hoạch đánh giá.',
        ),
    });
  const start = () =>
    act(
      'start',
      () => call(api.POST('/api/v1/audits/{id}/start', { params: { path, header } })),
      'Đã bắt đầu đánh giá; danh mục kiểm tra đã được lập.',
    );
  const update = async (body: AuditPlanBody) => {
    const changes: Partial<AuditPlanBody> = { ...body };
    delete changes.programmeId;
    await call(api.PATCH('/api/v1/audits/{id}', { params: { path, header }, body: changes }));
    await refresh();
    void message.success('Đã lưu kế hoạch đánh giá.');
  };

  const planned = audit.state === 'planned';
  const tab = params.get('tab') ?? 'plan';
  return (
    <>
      <PageHeader
        title={`Cuộc đánh giá số ${audit.number}: ${audit.title}`}
        subtitle={
          <>
            <AuditStateTag audit={audit} /> Từ {formatDate(audit.startDate)} đến {formatDate(audit.endDate)}
          </>
        }
        extra={
          <>
            {planned && canPlan ? <Button onClick={() => setEditing(true)}>Sửa kế hoạch</Button> : null}
            {planned && canPlan && !audit.planIssuedAt ? (
              <Button type="primary" loading={busy === 'issue'} onClick={() => void issuePlan()}>
                Ban hành kế hoạch
              </Button>
            ) : null}
            {planned && isLead && canConduct && audit.planIssuedAt ? (
              <Button type="primary" loading={busy === 'start'} onClick={() => void start()}>
                Bắt đầu đánh giá
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'plan', label: 'Kế hoạch', children: <PlanTab audit={audit} /> },
          {
            key: 'checklist',
            label: 'Danh mục kiểm tra',
            disabled: planned,
            children: planned ? null : <ChecklistTab audit={audit} />,
          },
          {
            key: 'findings',
            label: 'Phát hiện',
            disabled: planned,
            children: planned ? null : <FindingsTab audit={audit} />,
          },
          {
            key: 'report',
            label: 'Báo cáo',
            disabled: planned,
            children: planned ? null : <ReportTab audit={audit} />,
          },
        ]}
      />
      <AuditFormModal open={editing} audit={audit} onSubmit={update} onClose={() => setEditing(false)} />
    </>
  );
}
