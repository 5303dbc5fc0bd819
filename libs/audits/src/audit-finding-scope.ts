/**
 * Whether a finding's clause lies in the audit's scope: any clause of the edition when the scope
 * lists none, else one of the scope's clauses or a sub-clause of one ("8.5.1" under "8.5").
 */
export function clauseInScope(clause: string, scopeClauses: readonly string[]): boolean {
  if (!scopeClauses.length) return true;
  return scopeClauses.some((c) => clause === c || clause.startsWith(`${c}.`));
}

/**
 * Whether a finding's org unit lies in the audit's scope: one of the scope's units, or any unit of
 * the agency when the scope lists none (an audit of clauses across the agency). No unit is always
 * allowed: a finding may concern the system as a whole.
 */
export function orgUnitInScope(orgUnitId: string | null, scopeUnits: readonly string[]): boolean {
  if (orgUnitId === null || !scopeUnits.length) return true;
  return scopeUnits.includes(orgUnitId);
}
