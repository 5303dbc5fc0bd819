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

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL phải có dạng redis://…' })
  REDIS_URL?: string;

  /** Prefix of every BullMQ key; tests give each run its own. */
  @IsString()
  @Matches(/^[a-zA-Z0-9:_-]+$/)
  QUEUE_PREFIX = 'eiso';

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
