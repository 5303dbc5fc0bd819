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

/**
 * How the auditor's unit stands to the unit in scope: the same unit, under it (a tổ under the
 * phòng audited) or above it (the phòng whose tổ is audited).
 */
export type IndependenceRelation = 'same' | 'below' | 'above';

/** An auditor whose own unit is in scope, under a unit in scope, or above one. */
export interface IndependenceBreach {
  auditorId: string;
  auditorName: string;
  /** The auditor's own unit. */
  orgUnitId: string;
  orgUnitName: string;
  /** The unit in scope it is tied to (the same unit, one above it or one under it). */
  scopeUnitId: string;
  scopeUnitName: string;
  relation: IndependenceRelation;
}

/**
 * ISO 19011 §5.5.3 / ISO 9001 9.2.2 c): auditors do not audit their own work. An auditor breaches
 * independence when their org unit is in scope, lies under a unit in scope (a tổ under a phòng),
 * or lies above one (the Văn phòng's auditor and its Tổ tiếp công dân): a unit answers to the one
 * above it. Pure: the tree and the cards are read by the caller. Breaches in the order the team is
 * given; for each auditor the nearest unit in scope at or above their unit, else the first one
 * under it in the order of the scope.
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
    const tie = tiedScopeUnit(auditor.orgUnitId, scopeUnitIds, scope, byId);
    if (!tie) continue;
    breaches.push({
      auditorId: auditor.id,
      auditorName: auditor.fullName,
      orgUnitId: auditor.orgUnitId,
      orgUnitName: byId.get(auditor.orgUnitId)?.name ?? auditor.orgUnitId,
      scopeUnitId: tie.unitId,
      scopeUnitName: byId.get(tie.unitId)?.name ?? tie.unitId,
      relation: tie.relation,
    });
  }
  return breaches;
}

function tiedScopeUnit(
  unitId: string,
  scopeOrder: readonly string[],
  scope: ReadonlySet<string>,
  byId: ReadonlyMap<string, IndependenceUnit>,
): { unitId: string; relation: IndependenceRelation } | null {
  const ancestors = ancestorsOf(unitId, byId);
  const enclosing = ancestors.find((id) => scope.has(id));
  if (enclosing) return { unitId: enclosing, relation: enclosing === unitId ? 'same' : 'below' };
  const below = scopeOrder.find((id) => ancestorsOf(id, byId).includes(unitId));
  return below ? { unitId: below, relation: 'above' } : null;
}

/** The unit itself, then its parent, up to the root (a cycle stops the walk). */
function ancestorsOf(unitId: string, byId: ReadonlyMap<string, IndependenceUnit>): string[] {
  const chain: string[] = [];
  let current: string | null = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return chain;
}
