import type { AgencyTransferCoverage } from './agency-transfer-coverage';

/**
 * Start-up failure: a table with `agency_id` has no transfer step (a merger would leave its rows
 * under an agency that no longer exists), or two steps claim one table.
 */
export class AgencyTransferSetupError extends Error {
  readonly code = 'AGENCY_TRANSFER_STEP_MISSING';

  constructor(readonly coverage: AgencyTransferCoverage) {
    super(
      [
        'AGENCY_TRANSFER_STEP_MISSING: không khởi động được vì việc chuyển dữ liệu khi sáp nhập, ' +
          'giải thể cơ quan chưa được khai báo đủ. Mỗi bảng có cột agency_id cần đúng một bước ' +
          'chuyển (@AgencyTransfer()) của lĩnh vực sở hữu bảng.',
        ...coverage.missing.map((table) => `  - bảng "${table}" chưa có bước chuyển nào`),
        ...coverage.shared.map(
          (s) => `  - bảng "${s.table}" được nhiều bước cùng khai báo: ${s.domains.join(', ')}`,
        ),
      ].join('\n'),
    );
    this.name = 'AgencyTransferSetupError';
  }
}
