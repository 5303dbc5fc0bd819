import { CheckOutlined, DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../../api/api-error';
import { api, call } from '../../api/client';
import { saveFile } from '../../api/files';
import { P } from '../../auth/permissions';
import { useAuth } from '../../auth/use-auth';
import { formatDate } from '../../ui/dates';
import type { CorrectiveAction, CorrectiveActionTask } from './capa-types';
import { OverdueTag } from './OverdueTag';
import { EmptyText } from './EmptyText';
import { ToneTag } from './ToneTag';

/** The actions of every round: owner, due date, linked document, result and evidence. */
export function TaskTable({
  ca,
  onDone,
  onChanged,
}: {
  ca: CorrectiveAction;
  onDone: (task: CorrectiveActionTask) => void;
  onChanged: () => void;
}) {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const mayManage = can(P.CorrectiveActionManage);
  const editable = ca.state === 'open' || ca.state === 'planned' || ca.state === 'in_progress';
  const remove = async (task: CorrectiveActionTask) => {
    try {
      await call(
        api.DELETE('/api/v1/corrective-actions/{id}/actions/{actionId}', {
          params: { path: { id: ca.id, actionId: task.id } },
        }),
      );
      void message.success('Đã xóa hành động.');
      onChanged();
    } catch (failure) {
      void message.error(errorMessage(failure));
    }
  };
  const download = (task: CorrectiveActionTask, fileId: string, name: string) =>
    saveFile(`/api/v1/corrective-actions/${ca.id}/actions/${task.id}/files/${fileId}`, name).catch(
      (failure: unknown) => void message.error(errorMessage(failure)),
    );
  const columns: ColumnsType<CorrectiveActionTask> = [
    { title: 'Lần', dataIndex: 'round', width: 60 },
    {
      title: 'Nội dung',
      dataIndex: 'description',
      render: (text: string, task) => (
        <>
          <div>{text}</div>
          {task.doneNote ? (
            <Typography.Text type="secondary">Kết quả: {task.doneNote}</Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: 'Người thực hiện', dataIndex: 'ownerName', render: (n: string | null) => n ?? '' },
    {
      title: 'Hạn hoàn thành',
      dataIndex: 'dueDate',
      render: (d: string, task) => (
        <Space direction="vertical" size={2}>
          {formatDate(d)}
          {task.overdue ? <OverdueTag /> : null}
        </Space>
      ),
    },
    {
      title: 'Tài liệu cần sửa đổi',
      dataIndex: 'document',
      render: (doc: CorrectiveActionTask['document']) =>
        doc ? (
          <Space direction="vertical" size={2}>
            <span>{doc.code}</span>
            {doc.revised ? (
              <ToneTag tone="success">Đã có phiên bản mới</ToneTag>
            ) : (
              <ToneTag tone="neutral">{`Chưa sửa đổi (lần ban hành ${doc.issueInForce ?? '—'})`}</ToneTag>
            )}
          </Space>
        ) : (
          ''
        ),
    },
    {
      title: 'Tình trạng',
      dataIndex: 'doneOn',
      render: (doneOn: string | null) =>
        doneOn ? (
          <ToneTag tone="success">{`Đã xong ${formatDate(doneOn)}`}</ToneTag>
        ) : (
          <ToneTag tone="neutral">Chưa xong</ToneTag>
        ),
    },
    {
      title: 'Bằng chứng',
      dataIndex: 'files',
      render: (files: CorrectiveActionTask['files'], task) => (
        <Space direction="vertical" size={0}>
          {files.map((f) => (
            <Button
              key={f.id}
              type="link"
              size="small"
              icon={<PaperClipOutlined />}
              onClick={() => void download(task, f.id, f.name)}
            >
              {f.name}
            </Button>
          ))}
        </Space>
      ),
    },
    {
      title: 'Thao tác',
      key: 'ops',
      render: (_: unknown, task) => (
        <Space wrap>
          {ca.state === 'in_progress' && !task.doneOn && task.currentRound && task.ownerId === me?.id ? (
            <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => onDone(task)}>
              Báo cáo hoàn thành
            </Button>
          ) : null}
          {mayManage && editable && !task.doneOn && task.currentRound ? (
            <Popconfirm
              title="Xóa hành động này?"
              okText="Xóa"
              cancelText="Không"
              onConfirm={() => void remove(task)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Xóa hành động: ${task.description}`}
              />
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<CorrectiveActionTask>
      rowKey="id"
      caption="Các hành động khắc phục"
      columns={columns}
      dataSource={[...ca.actions].sort((a, b) => a.round - b.round || a.position - b.position)}
      pagination={false}
      locale={{ emptyText: <EmptyText>Chưa có hành động nào.</EmptyText> }}
      scroll={{ x: 900 }}
    />
  );
}
