import { readFileSync } from 'node:fs';
import { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { JOB_SCHEDULES, systemActor } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { AuditTrailService } from '@eiso/audit-trail';
import { IDENTITY_MESSAGES, LoginLockoutService } from '@eiso/identity';
import { AgencyImportService } from '@eiso/organizations';
import { DataSource } from 'typeorm';
import { loadSqlDump } from '@eiso/database';
import { isScheduledJob, JOB_MESSAGES, JobRunsService } from '@eiso/jobs';
import { JobsCliModule } from './jobs-cli.module';

export interface CliCommand {
  usage: string;
  summary: string;
  /** The modules the command needs, when CliModule's are not enough. */
  module?: (config: AppConfig, databaseUrl: string) => DynamicModule;
  run(app: INestApplicationContext, args: string[], out: (line: string) => void): Promise<number>;
}

/** How long `run-job` waits for the result by default. */
const RUN_JOB_WAIT_SECONDS = 600;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const COMMANDS: Record<string, CliCommand> = {
  'import-agencies': {
    usage: 'import-agencies FILE.csv [--parent AGENCY_ID]',
    summary: 'Nhập danh sách cơ quan (định dạng kontum-agencies-2020.csv); chạy lại không tạo trùng',
    async run(app, args, out) {
      const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--parent');
      if (!file) {
        out('Thiếu đường dẫn tệp CSV.');
        return 2;
      }
      const summary = await app
        .get(AgencyImportService)
        .importCsv(systemActor(`cli-${Date.now()}`), readFileSync(file), {
          parentId: option(args, '--parent') ?? null,
        });
      const years = Object.entries(summary.byRoadmapYear)
        .map(([year, n]) => `${year}: ${n}`)
        .join(', ');
      out(
        `Đã nhập ${summary.total} cơ quan: tạo mới ${summary.created}, cập nhật ${summary.updated}, ` +
          `không đổi ${summary.unchanged} (lộ trình ${years}).`,
      );
      return 0;
    },
  },
  'verify-audit-chain': {
    usage: 'verify-audit-chain',
    summary: 'Kiểm tra chuỗi băm của nhật ký hệ thống; báo mắt xích hỏng đầu tiên',
    async run(app, _args, out) {
      const result = await app.get(AuditTrailService).verify();
      if (result.ok) {
        out(`Nhật ký toàn vẹn: đã kiểm tra ${result.checked} bản ghi.`);
        return 0;
      }
      const b = result.firstBroken!;
      out(
        `Nhật ký bị phá vỡ tại bản ghi seq=${b.seq} (id ${b.id}, lý do ${b.reason}); đã kiểm tra ${result.checked} bản ghi.`,
      );
      return 1;
    },
  },
  unlock: {
    usage: 'unlock USER',
    summary:
      'Mở khóa tài khoản bị khóa do đăng nhập sai (mọi địa chỉ và khóa toàn tài khoản); có ghi nhật ký',
    async run(app, args, out) {
      if (!args[0]) {
        out('Thiếu tên đăng nhập.');
        return 2;
      }
      const result = await app.get(LoginLockoutService).unlock(systemActor(`cli-${Date.now()}`), args[0]);
      out(IDENTITY_MESSAGES.unlocked(result.username, result.cleared));
      return 0;
    },
  },
  'run-job': {
    usage: 'run-job TÊN [--wait GIÂY]',
    summary:
      'Chạy ngay một công việc theo lịch (ví dụ records.retention) và chờ kết quả (mặc định 600 giây); có ghi nhật ký',
    module: (config, databaseUrl) => JobsCliModule.forRoot(config, databaseUrl),
    async run(app, args, out) {
      const name = args[0] ?? '';
      const wait = option(args, '--wait') ?? String(RUN_JOB_WAIT_SECONDS);
      if (!isScheduledJob(name)) {
        out(JOB_MESSAGES.cliUnknownJob(name, [...new Set(JOB_SCHEDULES.map((s) => s.job))]));
        return 2;
      }
      if (!/^[1-9]\d{0,5}$/.test(wait)) {
        out(JOB_MESSAGES.cliBadWait);
        return 2;
      }
      const jobRuns = app.get(JobRunsService);
      const queued = await jobRuns.requestRun(systemActor(`cli-${Date.now()}`), name);
      out(JOB_MESSAGES.cliQueued(name, queued.id));
      const run = await jobRuns.waitFor(queued.id, Number(wait) * 1000);
      switch (run.state) {
        case 'succeeded':
          out(JOB_MESSAGES.cliSucceeded(name, run.summary));
          return 0;
        case 'failed':
          out(JOB_MESSAGES.cliFailed(name, run.error ?? ''));
          return 1;
        case 'queued':
        case 'running':
          out(JOB_MESSAGES.cliTimedOut(run.id, Number(wait)));
          return 3;
      }
    },
  },
  'load-sql': {
    usage: 'load-sql FILE.sql',
    summary:
      'Nạp dữ liệu từ tệp SQL (INSERT, ví dụ pg_dump --data-only --inserts của PGlite) trong một giao dịch, rồi kiểm tra nhật ký',
    async run(app, args, out) {
      if (!args[0]) {
        out('Thiếu đường dẫn tệp SQL.');
        return 2;
      }
      const skipped = await loadSqlDump(app.get(DataSource), readFileSync(args[0], 'utf8'));
      if (skipped.length) out(`Bỏ qua thiết lập không có ở máy chủ này: ${skipped.join(', ')}.`);
      const result = await app.get(AuditTrailService).verify();
      out(`Đã nạp ${args[0]}. Nhật ký ${result.ok ? 'toàn vẹn' : 'BỊ PHÁ VỠ'}: ${result.checked} bản ghi.`);
      return result.ok ? 0 : 1;
    },
  },
};
