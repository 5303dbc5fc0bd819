import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyTransferSetupError } from './agency-transfer-setup.error';
import { AgencyTransferRegistry } from './agency-transfer.registry';

/**
 * At start-up (API and worker): every table of the schema with an `agency_id` column has exactly
 * one registered transfer step, or the process does not start. So a new domain cannot leave its
 * rows behind when agencies merge.
 */
@Injectable()
export class AgencyTransferBootCheck implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: AgencyTransferRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const rows: { table: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.table_name AS "table"
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND c.column_name = 'agency_id'
          AND t.table_type = 'BASE TABLE'`,
    );
    const coverage = this.registry.coverage(rows.map((r) => r.table));
    if (coverage.missing.length > 0 || coverage.shared.length > 0)
      throw new AgencyTransferSetupError(coverage);
  }
}
