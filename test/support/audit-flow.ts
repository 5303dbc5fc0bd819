import { apiAs } from './api-as';
import { TestContext, TestUser } from './test-app';

export interface AuditPlanOptions {
  /** Keeps the programme (audit_programme is one per agency and year). */
  programmeId?: string;
  year?: number;
  title?: string;
  orgUnitIds: string[];
  clauses: string[];
  procedureDocumentIds?: string[];
  startDate?: string;
  endDate?: string;
  lead: TestUser;
  team?: TestUser[];
}

export interface ChecklistItem {
  id: string;
  kind: string;
  clause: string | null;
  position: number;
  version: number;
}

/** The audit programme of `year` for the planner's agency, with one line per unit; its id. */
export async function newAuditProgramme(
  ctx: TestContext,
  planner: TestUser,
  year: number,
  orgUnitIds: readonly string[],
): Promise<string> {
  const res = await apiAs(ctx, planner).post('/audit-programmes', {
    year,
    title: `Chương trình đánh giá nội bộ năm ${year}`,
    objectives: 'Xác định mức độ phù hợp và hiệu lực của HTQLCL theo TCVN ISO 9001:2015',
    criteria: 'TCVN ISO 9001:2015; các quy trình ISO của cơ quan',
    entries: orgUnitIds.map((orgUnitId) => ({
      orgUnitId,
      riskLevel: 'medium',
      auditsPerYear: 1,
      plannedMonths: [3],
    })),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/**
 * An audit planned by `planner`, its plan issued and started by its lead: `in_progress`, with the
 * checklist made from its scope. Dates in March of the year unless given.
 */
export async function auditInProgress(
  ctx: TestContext,
  planner: TestUser,
  options: AuditPlanOptions,
): Promise<{ auditId: string; programmeId: string; items: ChecklistItem[] }> {
  const year = options.year ?? 2027;
  const programmeId =
    options.programmeId ?? (await newAuditProgramme(ctx, planner, year, options.orgUnitIds));
  const created = await apiAs(ctx, planner).post('/audits', {
    programmeId,
    title: options.title ?? `Đánh giá nội bộ đợt 1 năm ${year}`,
    orgUnitIds: options.orgUnitIds,
    clauses: options.clauses,
    procedureDocumentIds: options.procedureDocumentIds ?? [],
    startDate: options.startDate ?? `${year}-03-10`,
    endDate: options.endDate ?? `${year}-03-12`,
    leadAuditorId: options.lead.id,
    teamIds: (options.team ?? []).map((u) => u.id),
  });
  expect(created.status).toBe(201);
  const auditId = created.body.id as string;
  expect((await apiAs(ctx, planner).post(`/audits/${auditId}/issue-plan`)).status).toBe(200);
  expect((await apiAs(ctx, options.lead).post(`/audits/${auditId}/start`)).status).toBe(200);
  return { auditId, programmeId, items: await checklistOf(ctx, options.lead, auditId) };
}

/** The audit's checklist items, in order. */
export async function checklistOf(
  ctx: TestContext,
  user: TestUser,
  auditId: string,
): Promise<ChecklistItem[]> {
  const res = await apiAs(ctx, user).get(`/audits/${auditId}/checklist`);
  expect(res.status).toBe(200);
  return (Array.isArray(res.body) ? res.body : res.body.items) as ChecklistItem[];
}

/** Answers every checklist item `conform` (or as `answers` says, by clause or kind). */
export async function answerChecklist(
  ctx: TestContext,
  auditor: TestUser,
  auditId: string,
  items: readonly ChecklistItem[],
  answers: Record<string, string> = {},
): Promise<void> {
  for (const item of items) {
    const answer = answers[item.clause ?? item.kind] ?? 'conform';
    const res = await apiAs(ctx, auditor).patch(
      `/audits/${auditId}/checklist/${item.id}`,
      { answer, notes: 'Đã kiểm tra', ...(item.kind === 'procedure' ? { sample: 'HS-001, HS-002' } : {}) },
      `"${item.version}"`,
    );
    expect(res.status).toBe(200);
  }
}
