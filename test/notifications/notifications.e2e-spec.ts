import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobName, QueueName, Role } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { NewNotification, NotificationsService, webLink } from '@eiso/notifications';
import { BullmqJobQueue, JobQueue } from '@eiso/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';
import { headerOf, startSmtpServer, TestSmtpServer, textOf } from './smtp-test-server';

const REJECTED = 'khong.ton.tai@kontum.gov.vn';

describe('notifications: inbox and e-mail copies', () => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let service: NotificationsService;
  let agency: TestAgency;
  let an: TestUser;
  let binh: TestUser;

  const notify = (items: NewNotification[]): Promise<string[]> =>
    ctx.app.get(TransactionRunner).run((db) => service.notify(db, items));

  const item = (user: TestUser, o: Partial<NewNotification> = {}): NewNotification => ({
    userId: user.id,
    agencyId: agency.id,
    kind: 'document.issued',
    title: 'Quy trình QT-HT-01 đã được ban hành',
    body: 'Lần ban hành 2, hiệu lực từ 01/03/2026. Vui lòng đọc và xác nhận đã hiểu.',
    entityType: 'document_version',
    entityId: '11111111-1111-4111-8111-111111111111',
    link: webLink.document('11111111-1111-4111-8111-111111111111'),
    ...o,
  });

  const inbox = (user: TestUser, query = '') =>
    ctx.http().get(`/api/v1/notifications${query}`).set('Authorization', user.auth);

  const setEmail = (user: TestUser, email: string | null) =>
    ctx.sql(`UPDATE app_user SET email = $2 WHERE id = $1`, [user.id, email]);

  const emailedAt = async (ids: string[]): Promise<(Date | null)[]> =>
    (
      await ctx.sql<{ emailed_at: Date | null }>(
        `SELECT emailed_at FROM notification WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
        [ids],
      )
    ).map((r) => r.emailed_at);

  const drain = async (): Promise<void> => {
    await waitForQueuesToDrain(ctx.app, 20_000);
    const failed = await ctx.app.get(BullmqJobQueue).queueFor(QueueName.Notifications).getFailedCount();
    expect(failed).toBe(0);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer([REJECTED]);
    ctx = await createTestContext({ SMTP_URL: smtp.url, SMTP_FROM: 'eISO Kon Tum <iso@kontum.gov.vn>' });
    // The API only enqueues (services profile): the worker's module runs the handlers, as in production.
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        config: ctx.config,
        databaseUrl: ctx.db.url,
        signingSecret: ctx.config.JWT_SECRET!,
      }),
      { logger: ['error'] },
    );
    await worker.init();
    service = ctx.app.get(NotificationsService);
    agency = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ' });
    an = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id, fullName: 'Nguyễn Văn An' });
    binh = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id, fullName: 'Trần Thị Bình' });
    await setEmail(an, 'an@kontum.gov.vn');
  });

  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await smtp?.stop();
  });

  it('writes one notification per user and dedup key, NFC-normalized', async () => {
    const decomposed = 'Quy trình QT-HT-01 đã được ban hành'.normalize('NFD');
    const first = await notify([
      item(an, { title: decomposed, dedupKey: 'document.issued/v1' }),
      item(binh, { dedupKey: 'document.issued/v1' }),
      // The same key twice in one batch, and then again in a later transaction: written once.
      item(binh, { dedupKey: 'document.issued/v1' }),
    ]);
    expect(first).toHaveLength(2);
    expect(await notify([item(an, { dedupKey: 'document.issued/v1' })])).toEqual([]);
    // No key: never deduplicated.
    expect(
      await notify([item(an, { kind: 'document.reminder' }), item(an, { kind: 'document.reminder' })]),
    ).toHaveLength(2);

    const rows = await ctx.sql<{ user_id: string; title: string }>(
      `SELECT user_id, title FROM notification WHERE dedup_key = 'document.issued/v1' ORDER BY user_id`,
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.title === 'Quy trình QT-HT-01 đã được ban hành'.normalize('NFC'))).toBe(true);
  });

  it('lists only the caller’s own notifications, newest first, with the unread count', async () => {
    const res = await inbox(an);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20, unread: 3 });
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      kind: expect.any(String),
      title: 'Quy trình QT-HT-01 đã được ban hành',
      body: expect.stringContaining('Lần ban hành 2'),
      entityType: 'document_version',
      entityId: '11111111-1111-4111-8111-111111111111',
      link: '/documents/11111111-1111-4111-8111-111111111111',
      createdAt: expect.any(String),
      readAt: null,
    });
    const created = res.body.items.map((n: { createdAt: string }) => n.createdAt);
    expect([...created].sort().reverse()).toEqual(created);

    const other = await inbox(binh);
    expect(other.body).toMatchObject({ total: 1, unread: 1 });
    const ids = new Set(res.body.items.map((n: { id: string }) => n.id));
    expect(ids.has(other.body.items[0].id)).toBe(false);

    const paged = await inbox(an, '?page=2&pageSize=2');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2, unread: 3 });
    expect(paged.body.items).toHaveLength(1);
    expect((await inbox(an, '?unreadOnly=maybe')).status).toBe(400);
  });

  it('marks one of my notifications read, and refuses someone else’s with 404', async () => {
    const [mine] = (await inbox(an)).body.items as { id: string }[];

    const foreign = await ctx
      .http()
      .post(`/api/v1/notifications/${mine.id}/read`)
      .set('Authorization', binh.auth);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      message: 'Không tìm thấy thông báo.',
    });

    const read = await ctx.http().post(`/api/v1/notifications/${mine.id}/read`).set('Authorization', an.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: mine.id, readAt: expect.any(String) });
    const again = await ctx
      .http()
      .post(`/api/v1/notifications/${mine.id}/read`)
      .set('Authorization', an.auth);
    expect(again.body.readAt).toBe(read.body.readAt);

    const after = await inbox(an);
    expect(after.body).toMatchObject({ total: 3, unread: 2 });
    const unread = await inbox(an, '?unreadOnly=true');
    expect(unread.body).toMatchObject({ total: 2, unread: 2 });
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(mine.id);

    const missing = await ctx
      .http()
      .post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read')
      .set('Authorization', an.auth);
    expect(missing.status).toBe(404);
    const badId = await ctx
      .http()
      .post('/api/v1/notifications/khong-phai-uuid/read')
      .set('Authorization', an.auth);
    expect(badId.status).toBe(400);
  });

  it('e-mails users who have an address, once, with the Vietnamese subject intact', async () => {
    await drain();
    smtp.received.length = 0;
    // The e-mail job commits with the notifications (the job outbox): nothing more to call.
    const ids = await notify([
      item(an, { title: 'Tài liệu “Quy trình kiểm soát hồ sơ” chờ xem xét', dedupKey: 'mail/1' }),
      item(binh, { title: 'Tài liệu “Quy trình kiểm soát hồ sơ” chờ xem xét', dedupKey: 'mail/1' }),
    ]);
    expect(ids).toHaveLength(2);
    await drain();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['an@kontum.gov.vn']);
    expect(headerOf(mail.raw, 'Subject')).toBe('Tài liệu “Quy trình kiểm soát hồ sơ” chờ xem xét');
    expect(headerOf(mail.raw, 'From')).toBe('eISO Kon Tum <iso@kontum.gov.vn>');
    expect(headerOf(mail.raw, 'Content-Type')).toMatch(/text\/plain; charset=utf-8/i);
    expect(textOf(mail.raw)).toBe(
      'Lần ban hành 2, hiệu lực từ 01/03/2026. Vui lòng đọc và xác nhận đã hiểu.\n\n' +
        'Xem chi tiết trên hệ thống eISO: /documents/11111111-1111-4111-8111-111111111111',
    );
    const [anEmailed, binhEmailed] = await emailedAt(ids);
    expect(anEmailed).toBeInstanceOf(Date);
    expect(binhEmailed).toBeNull();

    // The same ids again: the same job id, ignored by the queue.
    await ctx.app.get(TransactionRunner).run((db) => service.queueDelivery(db, [...ids].reverse()));
    // And a second run of the handler itself, under another job id: nothing left to send.
    await ctx.app
      .get(JobQueue)
      .enqueue(JobName.NotificationsSend, { notificationIds: ids }, { jobId: 'again' });
    await drain();
    expect(smtp.received).toHaveLength(1);
    expect((await emailedAt(ids))[0]).toEqual(anEmailed);
  });

  it('skips an address the server refuses or that is malformed, without failing the job', async () => {
    const refused = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const malformed = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    await setEmail(refused, REJECTED);
    await setEmail(malformed, 'khong-phai-dia-chi');
    await drain();
    smtp.received.length = 0;
    const ids = await notify([
      item(refused),
      item(malformed),
      item(an, { title: 'Nhắc việc: xem xét định kỳ' }),
    ]);
    await drain();

    expect(smtp.received.map((m) => m.to)).toEqual([['an@kontum.gov.vn']]);
    expect(headerOf(smtp.received[0].raw, 'Subject')).toBe('Nhắc việc: xem xét định kỳ');
    const [refusedAt, malformedAt, anAt] = await emailedAt(ids);
    expect(refusedAt).toBeNull();
    expect(malformedAt).toBeNull();
    expect(anAt).toBeInstanceOf(Date);
  });

  it('queues nothing for an empty list', async () => {
    const queue = ctx.app.get(BullmqJobQueue).queueFor(QueueName.Notifications);
    const before = await queue.getCompletedCount();
    await ctx.app.get(TransactionRunner).run((db) => service.queueDelivery(db, []));
    expect(await ctx.sql(`SELECT 1 FROM job_outbox`)).toEqual([]);
    await drain();
    expect(await queue.getCompletedCount()).toBe(before);
  });
});
