import { Role } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';
import { NewNotification, NotificationsService } from '@eiso/notifications';
import { AuditEntity } from './audit.entity';
import { AuditsNotifier } from './audits-notifier';

describe('who hears that an audit plan was issued', () => {
  const heads: Record<string, string[]> = { office: ['head-office'], desk: [] };
  const users = {
    withRole: jest.fn((_agency: string, role: Role, scope: { orgUnitId?: string | null }) =>
      Promise.resolve(
        (role === Role.Reviewer ? (heads[scope.orgUnitId ?? ''] ?? []) : ['approver-1', 'approver-2']).map(
          (id) => ({ id, fullName: id, email: null }),
        ),
      ),
    ),
  } as unknown as UserDirectory;
  let sent: NewNotification[] = [];
  const notifications = {
    notify: jest.fn((_db: Db, items: NewNotification[]) => {
      sent = items;
      return Promise.resolve(items.map((i) => i.userId));
    }),
  } as unknown as NotificationsService;
  const audit = {
    id: 'a1',
    agencyId: 'ag',
    serial: 2,
    year: 2027,
    title: 'Đánh giá đợt 1',
    startDate: '2027-03-10',
    endDate: '2027-03-12',
    orgUnitIds: ['office', 'desk'],
    leadAuditorId: 'lead',
    teamIds: ['member', 'head-office'],
    version: 3,
  } as AuditEntity;

  it('tells each unit head (approvers for a unit without one) and the team, once each, with the dates', async () => {
    const notifier = new AuditsNotifier(users, notifications);
    const to = await notifier.planIssued({} as Db, audit, {
      units: ['Văn phòng Sở', 'Bộ phận Một cửa'],
      clauses: ['9.2 (Đánh giá nội bộ)'],
      procedures: [],
      lead: 'Nguyễn Văn A',
    });
    expect(to).toEqual(['head-office', 'approver-1', 'approver-2', 'lead', 'member']);
    expect(sent[0]).toMatchObject({
      kind: 'audit.plan_issued',
      title: 'Kế hoạch đánh giá nội bộ số 02/2027 từ 10/03/2027 đến 12/03/2027',
      link: '/audits/a1',
      // An edited plan issued again is told again: the key carries the audit's version.
      dedupKey: 'audit.plan_issued:a1:v3',
    });
    expect(sent[0].body).toBe(
      [
        'Kế hoạch đánh giá nội bộ "Đánh giá đợt 1" đã được ban hành.',
        'Thời gian đánh giá: từ ngày 10/03/2027 đến ngày 12/03/2027.',
        'Đơn vị được đánh giá: Văn phòng Sở, Bộ phận Một cửa.',
        'Điều khoản đánh giá: 9.2 (Đánh giá nội bộ).',
        'Trưởng đoàn đánh giá: Nguyễn Văn A.',
        'Đề nghị các đơn vị bố trí thời gian, nhân sự và hồ sơ để phối hợp với đoàn đánh giá.',
      ].join('\n'),
    );
  });

  it('tells of the report the auditees, approvers and ISO secretaries, naming the nonconformities', async () => {
    const notifier = new AuditsNotifier(users, notifications);
    const to = await notifier.reported({} as Db, audit, 'Nguyễn Văn A', ['NC-2027-001']);
    expect(to).toEqual(['head-office', 'approver-1', 'approver-2']);
    expect(sent[0]).toMatchObject({ kind: 'audit.reported', dedupKey: 'audit.reported:a1' });
    expect(sent[0].body).toContain('số NC-2027-001');
  });

  it('tells of the close truly: actions still being verified, or no nonconformity at all', async () => {
    const notifier = new AuditsNotifier(users, notifications);
    const to = await notifier.closed({} as Db, audit, 2);
    expect(to).toEqual(['head-office', 'approver-1', 'approver-2', 'lead']);
    expect(sent[0].body).toBe(
      'Cuộc đánh giá "Đánh giá đợt 1" đã kết thúc: mọi sự không phù hợp đã có hành động khắc phục ' +
        'đang được kiểm tra hiệu lực hoặc đã kết thúc; việc kiểm tra hiệu lực tiếp tục theo từng hành động khắc phục.',
    );
    await notifier.closed({} as Db, audit, 0);
    expect(sent[0].body).toBe(
      'Cuộc đánh giá "Đánh giá đợt 1" đã kết thúc; cuộc đánh giá không ghi nhận sự không phù hợp nào.',
    );
  });
});
