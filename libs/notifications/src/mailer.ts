import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { AppConfig } from '@eiso/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

// A job waits at most this long for a mail server before it fails and BullMQ retries it.
const CONNECTION_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** Failures that no other message could get past right now: the run stops and is retried. */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EREQUIRETLS',
  'EPROXY',
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'ECONFIG',
]);

/**
 * The process's one SMTP transport (pooled, created on first use, closed with the module).
 * Disabled when SMTP_URL is not set: notifications then stay in-app.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.SMTP_URL;
  }

  /** Sends one plain-text UTF-8 message; rejects with nodemailer's error (see isRejection). */
  async send(message: MailMessage): Promise<void> {
    await this.transporter().sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = undefined;
  }

  private transporter(): Transporter {
    const url = this.config.SMTP_URL;
    if (!url) throw new Error('SMTP_URL is not set');
    if (!this.transport) {
      this.transport = createTransport(
        {
          url,
          pool: true,
          connectionTimeout: CONNECTION_TIMEOUT_MS,
          greetingTimeout: CONNECTION_TIMEOUT_MS,
          socketTimeout: SOCKET_TIMEOUT_MS,
        },
        { from: this.config.SMTP_FROM },
      );
      this.logger.log(`Gửi thư điện tử qua ${redactSmtpUrl(url)}`);
    }
    return this.transport;
  }
}

/** The server refused this message or recipient for good (5xx): retrying would get the same answer. */
export function isRejection(error: unknown): boolean {
  const e = error as NodemailerError;
  return (e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE') && e.permanent === true;
}

/** The server cannot be reached or refuses us (not one message): no other message would pass now. */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as NodemailerError;
  return typeof e?.code === 'string' && CONNECTION_CODES.has(e.code);
}

/** The URL without its password, for logs. */
export function redactSmtpUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
