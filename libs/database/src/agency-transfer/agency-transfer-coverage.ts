/** A table claimed by more than one step. */
export interface SharedTable {
  readonly table: string;
  readonly domains: readonly string[];
}

export interface AgencyTransferCoverage {
  /** Tables with an `agency_id` column that no step names. */
  readonly missing: readonly string[];
  /** Tables two steps both name: which one moves them would depend on the order. */
  readonly shared: readonly SharedTable[];
}

/** Matches the tables that have an `agency_id` column against the tables the steps name. */
export function agencyTransferCoverage(
  tablesWithAgency: readonly string[],
  steps: readonly { domain: string; tables: readonly string[] }[],
): AgencyTransferCoverage {
  const owners = new Map<string, string[]>();
  for (const step of steps) {
    for (const table of new Set(step.tables)) owners.set(table, [...(owners.get(table) ?? []), step.domain]);
  }
  return {
    missing: [...new Set(tablesWithAgency)].filter((table) => !owners.has(table)).sort(),
    shared: [...owners.entries()]
      .filter(([, domains]) => domains.length > 1)
      .map(([table, domains]) => ({ table, domains }))
      .sort((a, b) => a.table.localeCompare(b.table)),
  };
}
