import { TestContext } from './test-app';

/** The actions on the audit trail about one entity, in chain order. */
export async function auditActions(ctx: TestContext, entityId: string): Promise<string[]> {
  const rows = await ctx.sql<{ action: string }>(
    'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq',
    [entityId],
  );
  return rows.map((r) => r.action);
}
