import { EditOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { openFile, saveFile } from '../../api/files';
import type { components } from '../../api/schema';
import { Can } from '../../auth/Can';
import { P } from '../../auth/permissions';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ProgrammeFormModal, type ProgrammeValues } from './ProgrammeFormModal';

type Entry = components['schemas']['AuditProgrammeEntryResponse'];

/** One audit programme: its aims, its lines (units × planned months), its register as PDF/XLSX. */
export default function ProgrammePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState<'pdf' | 'xlsx' | null>(null);
  const query = useQuery({
    queryKey: ['audits', 'programme', id],
    queryFn: () => call(api.GET('/api/v1/audit-programmes/{id}', { params: { path: { id } } })),
  });
  const update = useMutation({
    mutationFn: ({ values, version }: { values: ProgrammeValues; version: number }) =>
      call(
        api.PATCH('/api/v1/audit-programmes/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: {
            title: values.title,
            objectives: values.objectives,
            criteria: values.criteria,
            entries: values.entries,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['audits'] });
      void message.success('Đã lưu chương trình đánh giá.');
    },
  });
  const register = async (format: 'pdf' | 'xlsx', year: number) => {
    setExporting(format);
    try {
      const path = `/api/v1/audit-programmes/${id}/register?format=${format}`;
      if (format === 'pdf') await openFile(path);
      else await saveFile(path, `Chương trình đánh giá nội bộ năm ${year}.xlsx`);
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setExporting(null);
    }
  };

  return (
    <QueryState query={query}>
      {(programme) => (
        <>
          <PageHeader
            title={programme.title}
            subtitle={`Năm ${programme.year} · ${programme.clauseEdition}`}
            extra={
              <>
                <Button
                  icon={<FilePdfOutlined />}
                  loading={exporting === 'pdf'}
                  onClick={() => void register('pdf', programme.year)}
                >
                  Mở bản PDF
                </Button>
                <Button
                  icon={<FileExcelOutlined />}
                  loading={exporting === 'xlsx'}
                  onClick={() => void register('xlsx', programme.year)}
                >
                  Tải bảng XLSX
                </Button>
                <Can permission={P.AuditPlan}>
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                    Sửa
                  </Button>
                </Can>
              </>
            }
          />
          <Descriptions bordered column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Mục tiêu">{programme.objectives}</Descriptions.Item>
            <Descriptions.Item label="Chuẩn mực đánh giá">{programme.criteria}</Descriptions.Item>
            <Descriptions.Item label="Cập nhật lần cuối">
              {formatDateTime(programme.updatedAt)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            Các dòng của chương trình
          </Typography.Title>
          <Table<Entry>
            rowKey="id"
            caption="Đơn vị, quá trình và tháng dự kiến đánh giá"
            dataSource={programme.entries ?? []}
            pagination={false}
            columns={[
              { title: 'STT', dataIndex: 'position', width: 70 },
              {
                title: 'Đơn vị/quá trình',
                render: (_: unknown, e) => e.orgUnitName ?? e.process ?? '',
              },
              { title: 'Mức rủi ro', dataIndex: 'riskLevelLabel' },
              { title: 'Số lần/năm', dataIndex: 'auditsPerYear' },
              {
                title: 'Tháng dự kiến',
                dataIndex: 'plannedMonths',
                render: (months: number[]) => months.map((m) => `Tháng ${m}`).join(', '),
              },
              { title: 'Ghi chú', dataIndex: 'note' },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Link to={`/audits?programmeId=${programme.id}`}>Xem các cuộc đánh giá của chương trình</Link>
          </Typography.Paragraph>
          <ProgrammeFormModal
            open={editing}
            programme={programme}
            onSubmit={(values) => update.mutateAsync({ values, version: programme.version })}
            onClose={() => setEditing(false)}
          />
        </>
      )}
    </QueryState>
  );
}
