import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Drawer, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api, call, ifMatch } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { QueryState } from '../../ui/QueryState';
import { applyServerErrors } from '../../ui/server-errors';
import type { Agency, OrgUnit } from './labels';

/** The units (phòng, ban) of an agency: list, add, rename, stop or restart. */
export function OrgUnitsDrawer({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [addForm] = Form.useForm<{ name: string; code?: string }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<OrgUnit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canManage = useCan(P.OrgUnitManage);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const agencyId = agency?.id ?? '';
  const units = useQuery({
    queryKey: ['admin', 'org-units', agencyId, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId }, query: { page, pageSize: 10 } },
        }),
      ),
    enabled: !!agency,
    placeholderData: keepPreviousData,
  });
  // The pickers of every area read the agency's units from one cache entry (ui/org-units).
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin', 'org-units', agencyId] }),
      queryClient.invalidateQueries({ queryKey: ['org-units', agencyId] }),
    ]);

  const add = useMutation({
    mutationFn: (values: { name: string; code?: string }) =>
      call(
        api.POST('/api/v1/agencies/{agencyId}/org-units', {
          params: { path: { agencyId } },
          body: { name: values.name, ...(values.code ? { code: values.code } : {}) },
        }),
      ),
    onSuccess: async (unit) => {
      void message.success(`Đã thêm “${unit.name}”.`);
      addForm.resetFields();
      setError(null);
      await refresh();
    },
    onError: (failure) => setError(applyServerErrors(addForm, failure)),
  });
  const update = useMutation({
    mutationFn: ({ unit, body }: { unit: OrgUnit; body: { name?: string; active?: boolean } }) =>
      call(
        api.PATCH('/api/v1/agencies/{agencyId}/org-units/{unitId}', {
          params: { path: { agencyId, unitId: unit.id }, header: ifMatch(unit.version) },
          body,
        }),
      ),
    onSuccess: async () => {
      void message.success('Đã lưu phòng, ban.');
      setRenaming(null);
      await refresh();
    },
    onError: (failure) => {
      const text = applyServerErrors(renameForm, failure);
      if (text) void message.error(text);
    },
  });

  return (
    <Drawer
      open={!!agency}
      onClose={onClose}
      width={640}
      title={agency ? `Phòng, ban của ${agency.name}` : ''}
      destroyOnHidden
    >
      {canManage ? (
        <Form
          form={addForm}
          layout="inline"
          onFinish={(values) => add.mutate(values)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="name"
            label="Tên phòng, ban"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên phòng, ban.' }]}
          >
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="code" label="Mã">
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Thêm
          </Button>
        </Form>
      ) : null}
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      ) : null}
      <QueryState query={units}>
        {(data) => (
          <Table<OrgUnit>
            size="small"
            rowKey="id"
            caption="Danh sách phòng, ban"
            dataSource={data.items}
            pagination={{
              current: page,
              pageSize: 10,
              total: data.total,
              onChange: setPage,
              showTotal: (total) => `Tổng số: ${total}`,
            }}
            columns={[
              { title: 'Tên phòng, ban', dataIndex: 'name' },
              { title: 'Mã', dataIndex: 'code', width: 90 },
              {
                title: 'Tình trạng',
                dataIndex: 'active',
                width: 140,
                render: (active: boolean) =>
                  active ? (
                    <Badge status="success" text="Đang hoạt động" />
                  ) : (
                    <Badge status="default" text="Ngừng hoạt động" />
                  ),
              },
              ...(canManage
                ? [
                    {
                      title: 'Thao tác',
                      key: 'actions',
                      width: 170,
                      render: (_: unknown, unit: OrgUnit) => (
                        <Space>
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={`Đổi tên ${unit.name}`}
                            onClick={() => {
                              setRenaming(unit);
                              renameForm.setFieldsValue({ name: unit.name });
                            }}
                          />
                          <Button
                            size="small"
                            onClick={() => update.mutate({ unit, body: { active: !unit.active } })}
                          >
                            {unit.active ? 'Ngừng' : 'Hoạt động lại'}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      <Modal
        open={!!renaming}
        title="Đổi tên phòng, ban"
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={update.isPending}
        onOk={() => renameForm.submit()}
        onCancel={() => setRenaming(null)}
        forceRender
      >
        <Form
          form={renameForm}
          layout="vertical"
          onFinish={(values) => renaming && update.mutate({ unit: renaming, body: { name: values.name } })}
        >
          <Form.Item
            name="name"
            label="Tên phòng, ban"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên phòng, ban.' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
