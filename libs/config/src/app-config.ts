import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTrustProxyList, trustProxyEntries } from './trust-proxy';

/** Milliseconds; the shape of @eiso/database's DatabaseTimeouts (config cannot import it). */
export interface DatabaseTimeoutSettings {
  connectMs: number;
  statementMs: number;
  queryMs: number;
  idleInTransactionMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Every setting the processes read, validated once at boot (see load-config.ts).
 * Nothing else in the code reads process.env.
 */
export class AppConfig {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where the embedded profile keeps its database and files. */
  @IsString()
  EISO_DATA_DIR = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL phải có dạng postgres://…' })
  DATABASE_URL?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Opening a database connection, or waiting for a free one in the pool; then 503. */
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS phải là số mili giây (ví dụ 15000)' })
  @Min(100, { message: 'DATABASE_CONNECT_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  @Max(600_000, { message: 'DATABASE_CONNECT_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  DATABASE_CONNECT_TIMEOUT_MS = 15_000;

  /** PostgreSQL cancels a statement of a request running longer (`statement_timeout`). */
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS phải là số mili giây (ví dụ 30000)' })
  @Min(100, { message: 'DATABASE_STATEMENT_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  @Max(3_600_000, { message: 'DATABASE_STATEMENT_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /**
   * No answer from the database for this long (stalled server or network) and the API gives the
   * query up, discards the connection and answers 503. Keep it above the statement timeout.
   */
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_QUERY_TIMEOUT_MS phải là số mili giây (ví dụ 35000)' })
  @Min(100, { message: 'DATABASE_QUERY_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  @Max(3_600_000, { message: 'DATABASE_QUERY_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  DATABASE_QUERY_TIMEOUT_MS = 35_000;

  /** A transaction left open and idle this long is ended by PostgreSQL, with its locks. */
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS phải là số mili giây (ví dụ 60000)' })
  @Min(1_000, { message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS phải từ 1000 đến 3600000 mili giây' })
  @Max(3_600_000, {
    message: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS phải từ 1000 đến 3600000 mili giây',
  })
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /**
   * Statement and query bound of the worker's jobs and the command line (a retention run over a
   * million records, a dump load), far above a request's. Migrations have none at all.
   */
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_JOB_TIMEOUT_MS phải là số mili giây (ví dụ 1800000)' })
  @Min(1_000, { message: 'DATABASE_JOB_TIMEOUT_MS phải từ 1000 đến 86400000 mili giây' })
  @Max(86_400_000, { message: 'DATABASE_JOB_TIMEOUT_MS phải từ 1000 đến 86400000 mili giây' })
  DATABASE_JOB_TIMEOUT_MS = 1_800_000;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL phải có dạng redis://…' })
  REDIS_URL?: string;

  /** Prefix of every BullMQ key; tests give each run its own. */
  @IsString()
  @Matches(/^[a-zA-Z0-9:_-]+$/)
  QUEUE_PREFIX = 'eiso';

  /** A Redis command of the readiness check unanswered this long: Redis is reported down (503). */
  @Type(() => Number)
  @IsInt({ message: 'REDIS_COMMAND_TIMEOUT_MS phải là số mili giây (ví dụ 2000)' })
  @Min(100, { message: 'REDIS_COMMAND_TIMEOUT_MS phải từ 100 đến 60000 mili giây' })
  @Max(60_000, { message: 'REDIS_COMMAND_TIMEOUT_MS phải từ 100 đến 60000 mili giây' })
  REDIS_COMMAND_TIMEOUT_MS = 2_000;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @ValidateIf((c: AppConfig) => !!c.S3_ENDPOINT)
  @IsString()
  @MinLength(3)
  S3_ACCESS_KEY?: string;

  @ValidateIf((c: AppConfig) => !!c.S3_ENDPOINT)
  @IsString()
  @MinLength(3)
  S3_SECRET_KEY?: string;

  @ValidateIf((c: AppConfig) => !!c.S3_ENDPOINT)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET không phải tên bucket hợp lệ' })
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Part size of multipart uploads; S3 needs ≥ 5 MiB for every part but the last. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(512)
  S3_PART_SIZE_MB = 8;

  /** Opening a connection to S3; then the request fails with 503. */
  @Type(() => Number)
  @IsInt({ message: 'S3_CONNECT_TIMEOUT_MS phải là số mili giây (ví dụ 5000)' })
  @Min(100, { message: 'S3_CONNECT_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  @Max(600_000, { message: 'S3_CONNECT_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  S3_CONNECT_TIMEOUT_MS = 5_000;

  /**
   * S3 silent this long within a request (no byte sent or received: a stalled store) and the
   * request is given up: an upload answers 503 and leaves nothing, a download stream is cut.
   */
  @Type(() => Number)
  @IsInt({ message: 'S3_REQUEST_TIMEOUT_MS phải là số mili giây (ví dụ 30000)' })
  @Min(100, { message: 'S3_REQUEST_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  @Max(3_600_000, { message: 'S3_REQUEST_TIMEOUT_MS phải từ 100 đến 3600000 mili giây' })
  S3_REQUEST_TIMEOUT_MS = 30_000;

  /**
   * Gotenberg (`http://gotenberg:3000`) turns Word, OpenDocument and Excel files into the PDF shown
   * and stamped as their controlled copy. Unset: a local LibreOffice (SOFFICE_PATH, or `soffice` on
   * PATH) does it; without either, such files get a cover page only.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'GOTENBERG_URL phải là địa chỉ http:// hoặc https:// (ví dụ http://gotenberg:3000)' },
  )
  GOTENBERG_URL?: string;

  /** The LibreOffice program (`/usr/bin/soffice`) used when GOTENBERG_URL is unset; unset: looked up on PATH. */
  @IsOptional()
  @IsString()
  SOFFICE_PATH?: string;

  /** One conversion to PDF running longer is stopped (LibreOffice killed) and retried later. */
  @Type(() => Number)
  @IsInt({ message: 'CONVERSION_TIMEOUT_MS phải là số mili giây (ví dụ 120000)' })
  @Min(1_000, { message: 'CONVERSION_TIMEOUT_MS phải từ 1000 đến 600000 mili giây' })
  @Max(600_000, { message: 'CONVERSION_TIMEOUT_MS phải từ 1000 đến 600000 mili giây' })
  CONVERSION_TIMEOUT_MS = 120_000;

  /** Signs access tokens and local download links. Required outside the embedded profile. */
  @ValidateIf((c: AppConfig) => !!c.DATABASE_URL || c.NODE_ENV === 'production')
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET phải dài ít nhất 32 ký tự' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'EISO_ADMIN_PASSWORD phải dài ít nhất 8 ký tự' })
  EISO_ADMIN_PASSWORD?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10240)
  MAX_UPLOAD_MB = 100;

  /**
   * Age after which a stored object that no row names is an orphan the daily
   * `storage.sweep-orphans` job deletes. It must exceed the longest upload, whose object exists
   * before its row commits: 100 MB at 128 kbit/s takes under 2 hours; 24 hours leaves room for a
   * far slower line and matches the local driver's temp files.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  ORPHAN_MIN_AGE_HOURS = 24;

  /**
   * Login attempts allowed per client address per minute. An office of ~200 staff often reaches
   * the API from one NAT address, so this is a flood brake; the per-account lockout is the defence.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Reverse proxies whose `X-Forwarded-For` is believed, comma-separated: addresses, CIDR ranges
   * (`10.0.0.5, 10.1.0.0/16`) or `loopback`, `linklocal`, `uniquelocal`. Unset: none, and the
   * client's address is the connection's peer (the login throttle and lockout key on it).
   */
  @IsOptional()
  @IsTrustProxyList({
    message:
      'TRUST_PROXY phải là danh sách địa chỉ hoặc dải mạng của proxy, cách nhau bởi dấu phẩy (ví dụ 10.0.0.5, 10.1.0.0/16, loopback)',
  })
  TRUST_PROXY?: string;

  /** Outgoing mail server for e-mail copies of notifications; unset: in-app only. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] },
    { message: 'SMTP_URL phải có dạng smtp://máy-chủ:cổng hoặc smtps://…' },
  )
  SMTP_URL?: string;

  /**
   * The address users reach eISO at (`https://eiso.kontum.gov.vn`): links in e-mails are made
   * absolute with it. Unset: e-mails carry the path only.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_BASE_URL phải là địa chỉ http:// hoặc https:// (ví dụ https://eiso.kontum.gov.vn)' },
  )
  PUBLIC_BASE_URL?: string;

  /** Sender of notification e-mails. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'eISO <no-reply@eiso.local>';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: LogLevel = 'info';

  /**
   * `json` (one object per line, for collectors) or `pretty` (coloured lines for a person at a
   * terminal). Unset: pretty on the embedded profile when the output is a terminal, JSON otherwise.
   */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /**
   * How long a stop (SIGTERM, Ctrl-C) waits for requests and jobs still running before it cuts
   * them and exits. Keep it below the supervisor's own limit (`stop_grace_period` in compose).
   */
  @Type(() => Number)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS phải là số mili giây (ví dụ 10000)' })
  @Min(100, { message: 'SHUTDOWN_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  @Max(600_000, { message: 'SHUTDOWN_TIMEOUT_MS phải từ 100 đến 600000 mili giây' })
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * Embedded profile: on an empty database, load the demo province (the Kon Tum roadmap list, a
   * demo agency with an account per role). Ignored on the services profile.
   */
  @IsIn(['true', 'false'])
  EISO_DEMO_SEED = 'true';

  /** Password of the demo accounts; unset: one is generated and printed once in the log. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'EISO_DEMO_PASSWORD phải dài ít nhất 8 ký tự' })
  EISO_DEMO_PASSWORD?: string;

  /** Embedded profile: run scheduled jobs in-process. Tests turn it off to trigger jobs by hand. */
  @IsIn(['true', 'false'])
  EISO_SCHEDULER = 'true';

  /** The proxies named in TRUST_PROXY; empty: X-Forwarded-For is never believed. */
  /** The bounds of the API's database connections (requests). */
  get requestDatabaseTimeouts(): DatabaseTimeoutSettings {
    return {
      connectMs: this.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: this.DATABASE_STATEMENT_TIMEOUT_MS,
      queryMs: this.DATABASE_QUERY_TIMEOUT_MS,
      idleInTransactionMs: this.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
  }

  /** The bounds of the worker's and the command line's connections (long jobs). */
  get jobDatabaseTimeouts(): DatabaseTimeoutSettings {
    return {
      connectMs: this.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: this.DATABASE_JOB_TIMEOUT_MS,
      queryMs: this.DATABASE_JOB_TIMEOUT_MS + 5_000,
      idleInTransactionMs: this.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
  }

  get trustedProxies(): string[] {
    return trustProxyEntries(this.TRUST_PROXY);
  }

  /** The embedded profile seeds its demo province unless told not to. */
  get seedsDemoProvince(): boolean {
    return this.usesEmbeddedDatabase && this.EISO_DEMO_SEED === 'true';
  }

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  get usesRedis(): boolean {
    return !!this.REDIS_URL;
  }

  get usesS3(): boolean {
    return !!this.S3_ENDPOINT;
  }

  /** embedded: nothing configured; services: everything; mixed: in between (allowed, logged). */
  get profile(): 'embedded' | 'services' | 'mixed' {
    const real = [this.DATABASE_URL, this.REDIS_URL, this.S3_ENDPOINT].filter(Boolean).length;
    return real === 0 ? 'embedded' : real === 3 ? 'services' : 'mixed';
  }
}
