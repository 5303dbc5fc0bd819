import { Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { Mailer, MailMessage } from './mailer';
import { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationRecipients, Recipient } from './notification-recipients';
import { NotificationsSendJobHandler } from './notifications-send.job-handler';
import { webLink } from './web-links';

const NOW = new Date('2026-03-02T03:00:00Z');

function notification(id: string, userId: string, link: string | null = null): NotificationEntity {
  return {
    id,
    userId,
    agencyId: null,
    kind: 'document.issued',
    title: `Tài liệu ${id} đã được ban hành`,
    body: 'Vui lòng đọc và xác nhận đã hiểu.',
    entityType: null,
    entityId: null,
    link,
    dedupKey: null,
    createdAt: NOW,
    readAt: null,
    emailedAt: null,
  };
}

/** The repository's delivery methods, and identity's addresses, over arrays. */
class FakeRepository implements NotificationRecipients {
  constructor(
    readonly rows: NotificationEntity[],
    readonly users: (Recipient & { userId: string })[],
  ) {}

  findByIds(_db: unknown, ids: readonly string[]): Promise<NotificationEntity[]> {
    return Promise.resolve(this.rows.filter((r) => ids.includes(r.id)).map((r) => ({ ...r })));
  }

  recipientsOf(userIds: readonly string[]): Promise<Map<string, Recipient>> {
    return Promise.resolve(
      new Map(this.users.filter((u) => userIds.includes(u.userId)).map((u) => [u.userId, u])),
    );
  }

  markEmailed(_db: unknown, id: string, at: Date): Promise<void> {
    const row = this.rows.find((r) => r.id === id);
    if (row && !row.emailedAt) row.emailedAt = at;
    return Promise.resolve();
  }
}

/** Records what was sent; `failWith` decides, per message, an error to throw instead. */
class FakeMailer {
  readonly sent: MailMessage[] = [];
  enabled = true;
  failWith: (message: MailMessage) => Error | undefined = () => undefined;

  send(message: MailMessage): Promise<void> {
    const error = this.failWith(message);
    if (error) return Promise.reject(error);
    this.sent.push(message);
    return Promise.resolve();
  }
}

function smtpError(code: string, responseCode?: number, permanent?: boolean): Error {
  return Object.assign(new Error(`${code} ${responseCode ?? ''}`), { code, responseCode, permanent });
}

describe('NotificationsSendJobHandler', () => {
  let repo: FakeRepository;
  let mailer: FakeMailer;
  let handler: NotificationsSendJobHandler;
  let config: AppConfig;
  const run = (ids: string[]) => handler.handle({ notificationIds: ids });

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    repo = new FakeRepository(
      [
        notification('n1', 'u-mail', webLink.document('d1')),
        notification('n2', 'u-nomail'),
        notification('n3', 'u-mail2'),
      ],
      [
        { userId: 'u-mail', email: 'an@kontum.gov.vn', active: true },
        { userId: 'u-nomail', email: null, active: true },
        { userId: 'u-mail2', email: 'binh@kontum.gov.vn', active: true },
      ],
    );
    mailer = new FakeMailer();
    config = new AppConfig();
    const clock: Clock = { now: () => NOW };
    handler = new NotificationsSendJobHandler(
      repo as unknown as NotificationRepository,
      { db: {} } as TransactionRunner,
      mailer as unknown as Mailer,
      clock,
      config,
      { get: (token: unknown) => (token === NotificationRecipients ? repo : undefined) } as ModuleRef,
    );
    handler.onModuleInit();
  });
  afterEach(() => jest.restoreAllMocks());

  it('e-mails each notification whose user has an address, then marks it', async () => {
    await run(['n1', 'n2', 'n3']);
    expect(mailer.sent).toEqual([
      {
        to: 'an@kontum.gov.vn',
        subject: 'Tài liệu n1 đã được ban hành',
        text: 'Vui lòng đọc và xác nhận đã hiểu.\n\nXem chi tiết trên hệ thống eISO: /documents/d1',
      },
      {
        to: 'binh@kontum.gov.vn',
        subject: 'Tài liệu n3 đã được ban hành',
        text: 'Vui lòng đọc và xác nhận đã hiểu.',
      },
    ]);
    expect(repo.rows.map((r) => [r.id, r.emailedAt])).toEqual([
      ['n1', NOW],
      ['n2', null],
      ['n3', NOW],
    ]);
  });

  it('makes links absolute under PUBLIC_BASE_URL', async () => {
    config.PUBLIC_BASE_URL = 'https://eiso.kontum.gov.vn';
    await run(['n1']);
    expect(mailer.sent[0].text).toBe(
      'Vui lòng đọc và xác nhận đã hiểu.\n\nXem chi tiết trên hệ thống eISO: https://eiso.kontum.gov.vn/documents/d1',
    );
  });

  it('sends nothing more when run twice', async () => {
    await run(['n1', 'n2', 'n3']);
    await run(['n1', 'n2', 'n3']);
    expect(mailer.sent).toHaveLength(2);
  });

  it('only logs when no mail server is configured', async () => {
    mailer.enabled = false;
    await run(['n1', 'n3']);
    expect(mailer.sent).toEqual([]);
    expect(repo.rows.every((r) => r.emailedAt === null)).toBe(true);
  });

  it('skips inactive users and invalid addresses without failing', async () => {
    repo.users[0].active = false;
    repo.users[2].email = 'không phải địa chỉ';
    await run(['n1', 'n3']);
    expect(mailer.sent).toEqual([]);
    expect(repo.rows.every((r) => r.emailedAt === null)).toBe(true);
  });

  it('skips a recipient the server refuses for good and sends the others', async () => {
    mailer.failWith = (m) => (m.to === 'an@kontum.gov.vn' ? smtpError('EENVELOPE', 550, true) : undefined);
    await run(['n1', 'n3']);
    expect(mailer.sent.map((m) => m.to)).toEqual(['binh@kontum.gov.vn']);
    expect(repo.rows.find((r) => r.id === 'n1')?.emailedAt).toBeNull();
  });

  it('stops at a connection failure and, once retried, sends only what is left', async () => {
    let down = false;
    mailer.failWith = () => (down ? smtpError('ECONNECTION') : undefined);
    mailer.send = ((send) => (m: MailMessage) => {
      const result = send.call(mailer, m);
      down = true; // the server goes away after the first message
      return result;
    })(mailer.send);

    await expect(run(['n1', 'n3'])).rejects.toMatchObject({ code: 'ECONNECTION' });
    expect(mailer.sent.map((m) => m.to)).toEqual(['an@kontum.gov.vn']);

    down = false;
    mailer.failWith = () => undefined;
    await run(['n1', 'n3']);
    expect(mailer.sent.map((m) => m.to)).toEqual(['an@kontum.gov.vn', 'binh@kontum.gov.vn']);
  });

  it('sends the others past a refusal for now (4xx), then fails so that the job retries', async () => {
    mailer.failWith = (m) => (m.to === 'an@kontum.gov.vn' ? smtpError('EENVELOPE', 451, false) : undefined);
    await expect(run(['n1', 'n3'])).rejects.toMatchObject({ responseCode: 451 });
    expect(mailer.sent.map((m) => m.to)).toEqual(['binh@kontum.gov.vn']);

    mailer.failWith = () => undefined;
    await run(['n1', 'n3']);
    expect(mailer.sent.map((m) => m.to)).toEqual(['binh@kontum.gov.vn', 'an@kontum.gov.vn']);
  });
});
