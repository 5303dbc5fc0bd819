import { useQuery } from '@tanstack/react-query';
import { Card, Form, InputNumber, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import type { CapaRegisterEntry } from './capa-types';
import { RegisterButtons } from './RegisterButtons';
import { EmptyText } from './EmptyText';
import { CapaTheme } from './CapaTheme';

/** "Sổ theo dõi sự không phù hợp và hành động khắc phục" of a year, with its XLSX and PDF. */
export default function CapaRegisterPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const register = useQuery({
    queryKey: ['capa', 'register', year],
    queryFn: async () => {
      const data = await call(
        api.GET('/api/v1/nonconformities/register', { params: { query: { format: 'json', year } } }),
      );
      // The JSON form of the register (the same route also answers XLSX and PDF).
      return typeof data === 'string' ? { items: [] } : data;
    },
  });
  const columns: ColumnsType<CapaRegisterEntry> = [
    { title: 'TT', dataIndex: 'no', width: 50 },
    {
      title: 'Số',
      dataIndex: 'number',
      render: (n: string, e) => <Link to={`/nonconformities/${e.nonconformityId}`}>{n}</Link>,
    },
    { title: 'Ngày phát hiện', dataIndex: 'detectedOn', render: (d: string) => formatDate(d) },
    { title: 'Nội dung', dataIndex: 'title' },
    { title: 'Nguồn', dataIndex: 'sourceLabel' },
    { title: 'Mức độ', dataIndex: 'severityLabel' },
    { title: 'Đơn vị', dataIndex: 'orgUnit', render: (u: string | null) => u ?? '' },
    { title: 'Nguyên nhân', dataIndex: 'rootCause', render: (r: string | null) => r ?? '' },
    {
      title: 'Hành động',
      dataIndex: 'actions',
      render: (actions: CapaRegisterEntry['actions']) =>
        actions.map((a, i) => (
          <div
            key={i}
          >{`${a.description} — ${a.owner ?? ''}, hạn ${formatDate(a.dueDate)}${a.doneOn ? `, xong ${formatDate(a.doneOn)}` : ''}`}</div>
        )),
    },
    { title: 'Người kiểm tra', dataIndex: 'verifier', render: (v: string | null) => v ?? '' },
    { title: 'Tình trạng', dataIndex: 'stateLabel' },
  ];
  return (
    <CapaTheme>
      <>
        <PageHeader title="Sổ theo dõi sự không phù hợp" extra={<RegisterButtons year={year} />} />
        <Card>
          <Form layout="inline" style={{ marginBottom: 16 }}>
            <Form.Item label="Năm" htmlFor="capa-register-year">
              <InputNumber
                id="capa-register-year"
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => {
                  const next = new URLSearchParams(params);
                  if (v) next.set('year', String(v));
                  setParams(next, { replace: true });
                }}
              />
            </Form.Item>
          </Form>
          <QueryState query={register}>
            {(data) => (
              <Table<CapaRegisterEntry>
                rowKey="nonconformityId"
                caption={`Sổ theo dõi năm ${year}`}
                columns={columns}
                dataSource={data.items}
                pagination={false}
                scroll={{ x: 1200 }}
                locale={{ emptyText: <EmptyText>Chưa có sự không phù hợp nào trong năm.</EmptyText> }}
              />
            )}
          </QueryState>
        </Card>
      </>
    </CapaTheme>
  );
}
