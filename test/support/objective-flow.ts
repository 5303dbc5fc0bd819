import { ApiClient } from './api-as';

/** The body of a typical objective of a public agency: "≥ 98% hồ sơ TTHC giải quyết đúng hạn". */
export function onTimeObjective(ownerOrgUnitId: string, overrides: Record<string, unknown> = {}) {
  return {
    year: 2026,
    statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
    kpiName: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn',
    unit: '%',
    direction: 'at_least',
    target: 98,
    frequency: 'monthly',
    ownerOrgUnitId,
    ...overrides,
  };
}

/** Creates an objective through the API (201 expected) and answers its body. */
export async function createObjective(
  api: ApiClient,
  ownerOrgUnitId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; [key: string]: unknown }> {
  const res = await api.post('/objectives', onTimeObjective(ownerOrgUnitId, overrides));
  if (res.status !== 201) throw new Error(`POST /objectives: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

/** Records one measurement (201 expected) and answers its body. */
export async function recordMeasurement(
  api: ApiClient,
  objectiveId: string,
  period: string,
  value: number,
  note?: string,
): Promise<{ id: string; version: number; [key: string]: unknown }> {
  const res = await api.post(`/objectives/${objectiveId}/measurements`, {
    period,
    value,
    ...(note ? { note } : {}),
  });
  if (res.status !== 201) throw new Error(`POST measurement: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}
