import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { api, call, ifMatch } from '../../api/client';
import { P } from '../../auth/permissions';
import { useCan } from '../../auth/use-auth';
import { DATE_FORMAT, toApiDate } from '../../ui/dates';
import { SigningPasswordModal } from '../../ui/SigningPasswordModal';
import { CommentModal } from './CommentModal';
import { SignFormModal } from './SignFormModal';
import type { VersionView } from './labels';

type Open = 'pass' | 'review-return' | 'approve' | 'approval-return' | 'issue' | null;

/** The step the user may take on this version now: review, approve (signed) or issue (signed). */
export function VersionActions({
  documentId,
  code,
  version,
}: {
  documentId: string;
  code: string;
  version: VersionView;
}) {
  const canReview = useCan(P.DocumentReview);
  const canApprove = useCan(P.DocumentApprove);
  const canIssue = useCan(P.DocumentIssue);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const path = { id: documentId, vid: version.id };
  const header = ifMatch(version.version);
  const label = `${code}, lần sửa đổi ${version.revision}`;
  const done = async (text: string) => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: ['documents'] });
  };
  /** Comment steps: the server's refusal is shown here, the modal stays open. */
  const step = async (run: () => Promise<unknown>, text: string) => {
    try {
      await run();
    } catch (failure) {
      void message.error(errorMessage(failure));
      throw failure;
    }
    await done(text);
  };
  const close = () => setOpen(null);

  return (
    <>
      {version.state === 'in_review' && canReview ? (
        <>
          <Button type="primary" onClick={() => setOpen('pass')}>
            Đạt
          </Button>
          <Button danger onClick={() => setOpen('review-return')}>
            Trả lại
          </Button>
        </>
      ) : null}
      {version.state === 'awaiting_approval' && canApprove ? (
        <>
          <Button type="primary" onClick={() => setOpen('approve')}>
            Phê duyệt
          </Button>
          <Button danger onClick={() => setOpen('approval-return')}>
            Trả lại
          </Button>
        </>
      ) : null}
      {version.state === 'approved' && canIssue ? (
        <Button type="primary" onClick={() => setOpen('issue')}>
          Ban hành
        </Button>
      ) : null}

      <CommentModal
        open={open === 'pass'}
        title="Xem xét: đạt"
        okText="Chuyển phê duyệt"
        required={false}
        description={`Dự thảo ${label} đạt yêu cầu và được chuyển Thủ trưởng phê duyệt.`}
        onClose={close}
        onSend={(comment) =>
          step(
            () =>
              call(
                api.POST('/api/v1/documents/{id}/versions/{vid}/review', {
                  params: { path, header },
                  body: { decision: 'approve', comment },
                }),
              ),
            'Đã chuyển dự thảo để phê duyệt.',
          )
        }
      />
      <CommentModal
        open={open === 'review-return'}
        title="Trả lại dự thảo"
        okText="Trả lại"
        required
        description={`Dự thảo ${label} quay về người soạn thảo cùng ý kiến này.`}
        onClose={close}
        onSend={(comment) =>
          step(
            () =>
              call(
                api.POST('/api/v1/documents/{id}/versions/{vid}/review', {
                  params: { path, header },
                  body: { decision: 'return', comment },
                }),
              ),
            'Đã trả lại dự thảo cho người soạn thảo.',
          )
        }
      />
      <CommentModal
        open={open === 'approval-return'}
        title="Thủ trưởng trả lại dự thảo"
        okText="Trả lại"
        required
        description={`Dự thảo ${label} quay về người soạn thảo cùng ý kiến này.`}
        onClose={close}
        onSend={(comment) =>
          step(
            () =>
              call(
                api.POST('/api/v1/documents/{id}/versions/{vid}/return', {
                  params: { path, header },
                  body: { comment: comment ?? '' },
                }),
              ),
            'Đã trả lại dự thảo cho người soạn thảo.',
          )
        }
      />
      <SigningPasswordModal
        open={open === 'approve'}
        title="Phê duyệt tài liệu"
        meaning={`Phê duyệt ${label}. Nhập lại mật khẩu của bạn để ký.`}
        onClose={close}
        onSign={async (password) => {
          await call(
            api.POST('/api/v1/documents/{id}/versions/{vid}/approve', {
              params: { path, header },
              body: { password },
            }),
          );
          await done('Đã ký phê duyệt.');
        }}
      />
      <SignFormModal<{ effectiveFrom: Dayjs }>
        open={open === 'issue'}
        title="Ban hành tài liệu"
        meaning={`Ban hành ${label}. Ngày hiệu lực là hôm nay: có hiệu lực ngay; ngày sau: chờ đến ngày đó.`}
        okText="Ký ban hành"
        initialValues={{ effectiveFrom: dayjs() }}
        onClose={close}
        onSign={async ({ effectiveFrom, password }) => {
          await call(
            api.POST('/api/v1/documents/{id}/versions/{vid}/issue', {
              params: { path, header },
              body: { effectiveFrom: toApiDate(effectiveFrom), password },
            }),
          );
          await done('Đã ban hành tài liệu.');
        }}
      >
        <Form.Item
          name="effectiveFrom"
          label="Ngày hiệu lực"
          rules={[{ required: true, message: 'Chọn ngày hiệu lực.' }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
      </SignFormModal>
    </>
  );
}
