import { AppConfig } from '@eiso/config';
import { backupEmbedded, restoreEmbedded } from '@eiso/database';

/** Commands that work on the data directory itself, with no database server running. */
export interface OfflineCliCommand {
  usage: string;
  summary: string;
  run(config: AppConfig, args: string[], out: (line: string) => void): Promise<number>;
}

function embeddedOnly(config: AppConfig, out: (line: string) => void): boolean {
  if (!config.DATABASE_URL) return true;
  out(
    'Lệnh này dành cho hồ sơ embedded. Với DATABASE_URL và S3, hãy sao lưu bằng pg_dump và sao chép bucket ' +
      '(xem README, mục «Sao lưu và khôi phục»).',
  );
  return false;
}

export const OFFLINE_COMMANDS: Record<string, OfflineCliCommand> = {
  backup: {
    usage: 'backup THƯ_MỤC',
    summary:
      'Sao lưu toàn bộ dữ liệu hồ sơ embedded (cơ sở dữ liệu, tệp, khóa ký) vào một thư mục mới; dừng API trước',
    async run(config, args, out) {
      if (!embeddedOnly(config, out)) return 2;
      if (!args[0]) {
        out('Thiếu thư mục đích của bản sao lưu.');
        return 2;
      }
      const manifest = await backupEmbedded(config.EISO_DATA_DIR, args[0], out);
      out(
        `Đã sao lưu ${config.EISO_DATA_DIR} vào ${args[0]} (PostgreSQL ${manifest.postgresMajor}, ${manifest.createdAt}).`,
      );
      return 0;
    },
  },
  restore: {
    usage: 'restore THƯ_MỤC',
    summary:
      'Khôi phục một bản sao lưu vào EISO_DATA_DIR; dữ liệu đang có được giữ lại trong thư mục truoc-khoi-phuc-…',
    async run(config, args, out) {
      if (!embeddedOnly(config, out)) return 2;
      if (!args[0]) {
        out('Thiếu thư mục bản sao lưu.');
        return 2;
      }
      const aside = await restoreEmbedded(config.EISO_DATA_DIR, args[0], out);
      if (aside) out(`Dữ liệu trước khi khôi phục được giữ tại ${aside}.`);
      out('Khởi động lại eISO để dùng dữ liệu đã khôi phục.');
      return 0;
    },
  },
};
