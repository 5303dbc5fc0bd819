import { Role } from '@eiso/common';
import { apiAs } from './api-as';
import { samplePdf } from './files';
import { TestContext, TestUser, USER_PASSWORD } from './test-app';

/** The people who take a version from draft to issue, in one agency (and optionally one unit). */
export interface DraftingCircle {
  agencyId: string;
  unitId?: string;
  drafter: TestUser;
  reviewer: TestUser;
  approver: TestUser;
  secretary: TestUser;
}

/** A document and the version the request was about. */
export interface DocumentRef {
  id: string;
  versionId: string;
  code: string;
}

/** A drafter, a reviewer, an approver and an ISO secretary of `agencyId`: four different people. */
export async function newDraftingCircle(
  ctx: TestContext,
  agencyId: string,
  unitId?: string,
): Promise<DraftingCircle> {
  const user = (role: Role) => ctx.newUser({ roles: [role], agencyId, orgUnitId: unitId });
  return {
    agencyId,
    unitId,
    drafter: await user(Role.Drafter),
    reviewer: await user(Role.Reviewer),
    approver: await user(Role.Approver),
    secretary: await user(Role.IsoSecretary),
  };
}

/**
 * A procedure `code` with its first draft, created by the circle's drafter (owned by the circle's
 * unit, if any); `body` adds to or overrides the request.
 */
export async function newDocument(
  ctx: TestContext,
  circle: Pick<DraftingCircle, 'drafter' | 'unitId'>,
  code: string,
  body: object = {},
): Promise<DocumentRef> {
  const res = await apiAs(ctx, circle.drafter).post('/documents', {
    code,
    title: `Quy trình ${code}`,
    type: 'procedure',
    ...(circle.unitId ? { ownerOrgUnitId: circle.unitId } : {}),
    ...body,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, versionId: res.body.currentVersion.id, code };
}

/** The API path of a version. */
export function versionPath(doc: Pick<DocumentRef, 'id' | 'versionId'>): string {
  return `/documents/${doc.id}/versions/${doc.versionId}`;
}

/** Uploads a sample PDF (different per `label`) as the version's primary file, unless it has one. */
export async function withPrimaryFile(
  ctx: TestContext,
  drafter: TestUser,
  doc: Pick<DocumentRef, 'id' | 'versionId'>,
  label: string,
): Promise<void> {
  const path = versionPath(doc);
  const files = (await apiAs(ctx, drafter).get(path)).body.files as { kind: string }[];
  // A revision starts with the files of the version it is based on.
  if (files.some((f) => f.kind === 'primary')) return;
  const up = await apiAs(ctx, drafter).upload(`${path}/files`, `${label}.pdf`, await samplePdf(label), {
    kind: 'primary',
  });
  expect(up.status).toBe(201);
}

/** Gives the version a primary file if it has none, and the drafter submits it for review. */
export async function submittedVersion(
  ctx: TestContext,
  drafter: TestUser,
  doc: Pick<DocumentRef, 'id' | 'versionId'>,
  label = doc.versionId,
): Promise<void> {
  await withPrimaryFile(ctx, drafter, doc, label);
  expect((await apiAs(ctx, drafter).post(`${versionPath(doc)}/submit`)).status).toBe(200);
}

/** Submitted, and reviewed favourably: the version waits for the approver's signature. */
export async function reviewedVersion(
  ctx: TestContext,
  circle: Pick<DraftingCircle, 'drafter' | 'reviewer'>,
  doc: Pick<DocumentRef, 'id' | 'versionId'>,
  label = doc.versionId,
): Promise<void> {
  await submittedVersion(ctx, circle.drafter, doc, label);
  const review = await apiAs(ctx, circle.reviewer).post(`${versionPath(doc)}/review`, {
    decision: 'approve',
  });
  expect(review.status).toBe(200);
}

/** Submitted, reviewed and approved (signed with the password): ready to issue. */
export async function approvedVersion(
  ctx: TestContext,
  circle: Pick<DraftingCircle, 'drafter' | 'reviewer' | 'approver'>,
  doc: Pick<DocumentRef, 'id' | 'versionId'>,
  label = doc.versionId,
): Promise<void> {
  await reviewedVersion(ctx, circle, doc, label);
  const approval = await apiAs(ctx, circle.approver).post(`${versionPath(doc)}/approve`, {
    password: USER_PASSWORD,
  });
  expect(approval.status).toBe(200);
}

/** The secretary issues an approved version (in force at once, or from `effectiveFrom`); the answer. */
export function issueVersion(
  ctx: TestContext,
  circle: Pick<DraftingCircle, 'secretary'>,
  doc: Pick<DocumentRef, 'id' | 'versionId'>,
  effectiveFrom?: string,
) {
  return apiAs(ctx, circle.secretary).post(`${versionPath(doc)}/issue`, {
    password: USER_PASSWORD,
    ...(effectiveFrom ? { effectiveFrom } : {}),
  });
}

/** A procedure issued and in force: created, approved and issued by the circle. */
export async function effectiveDocument(
  ctx: TestContext,
  circle: Omit<DraftingCircle, 'agencyId'>,
  code: string,
  body: object = {},
  effectiveFrom?: string,
): Promise<DocumentRef> {
  const doc = await newDocument(ctx, circle, code, body);
  await approvedVersion(ctx, circle, doc, code);
  const issued = await issueVersion(ctx, circle, doc, effectiveFrom);
  expect(issued.status).toBe(200);
  expect(issued.body.state).toBe('effective');
  return doc;
}

/** A new revision of the document by the drafter, retitled if `title` is given; its version id. */
export async function newRevision(
  ctx: TestContext,
  drafter: TestUser,
  documentId: string,
  title?: string,
): Promise<string> {
  const res = await apiAs(ctx, drafter).post(`/documents/${documentId}/versions`);
  expect(res.status).toBe(201);
  if (title) {
    const path = `/documents/${documentId}/versions/${res.body.id}`;
    const edit = await apiAs(ctx, drafter).patch(path, { title }, `"${res.body.version}"`);
    expect(edit.status).toBe(200);
  }
  return res.body.id as string;
}
