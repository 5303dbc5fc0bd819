/** An org unit of the agency's tree, as the rule needs it. */
export interface IndependenceUnit {
  id: string;
  name: string;
  parentId: string | null;
}

/** A member of the audit team and the org unit they work in. */
export interface IndependenceAuditor {
  id: string;
  fullName: string;
  orgUnitId: string | null;
}

/** An auditor whose own unit is in scope: the unit itself, or a unit under one in scope. */
export interface IndependenceBreach {
  auditorId: string;
  auditorName: string;
  /** The auditor's own unit. */
  orgUnitId: string;
  orgUnitName: string;
  /** The unit in scope that contains it (the same unit, or one above it). */
  scopeUnitId: string;
  scopeUnitName: string;
}

/**
 * ISO 19011 §5.5.3 / ISO 9001 9.2.2 c): auditors do not audit their own work. An auditor breaches
 * independence when their org unit is in scope or lies under a unit in scope (a tổ under a phòng).
 * Pure: the tree and the cards are read by the caller. Breaches in the order the team is given.
 */
export function independenceBreaches(
  scopeUnitIds: readonly string[],
  auditors: readonly IndependenceAuditor[],
  units: readonly IndependenceUnit[],
): IndependenceBreach[] {
  const scope = new Set(scopeUnitIds);
  const byId = new Map(units.map((u) => [u.id, u]));
  const breaches: IndependenceBreach[] = [];
  for (const auditor of auditors) {
    if (!auditor.orgUnitId) continue;
    const scopeUnit = enclosingScopeUnit(auditor.orgUnitId, scope, byId);
    if (!scopeUnit) continue;
    breaches.push({
      auditorId: auditor.id,
      auditorName: auditor.fullName,
      orgUnitId: auditor.orgUnitId,
      orgUnitName: byId.get(auditor.orgUnitId)?.name ?? auditor.orgUnitId,
      scopeUnitId: scopeUnit,
      scopeUnitName: byId.get(scopeUnit)?.name ?? scopeUnit,
    });
  }
  return breaches;
}

/** The unit itself or its nearest ancestor in scope; null when none (a cycle stops the walk). */
function enclosingScopeUnit(
  unitId: string,
  scope: ReadonlySet<string>,
  byId: ReadonlyMap<string, IndependenceUnit>,
): string | null {
  const seen = new Set<string>();
  let current: string | null = unitId;
  while (current && !seen.has(current)) {
    if (scope.has(current)) return current;
    seen.add(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return null;
}
