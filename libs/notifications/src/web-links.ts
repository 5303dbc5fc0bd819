/** A page of the web app, made only by `webLink`: a notification cannot carry an API path. */
export type WebLink = string & { readonly __webLink: true };

const page = (path: string): WebLink => path as WebLink;

/**
 * Where a notification sends its reader: a page of the web app (`/documents/:id`), never an API
 * path, built here only, so every notifier and every e-mail name the same page for the same thing.
 * The web app's routes mirror these; a new subject gets its link here.
 */
export const webLink = {
  document: (documentId: string): WebLink => page(`/documents/${documentId}`),
  documentVersion: (documentId: string, versionId: string): WebLink =>
    page(`/documents/${documentId}/versions/${versionId}`),
  record: (recordId: string): WebLink => page(`/records/${recordId}`),
  recordsDueForDisposal: (): WebLink => page('/records?state=due_for_disposal'),
  disposal: (disposalId: string): WebLink => page(`/disposals/${disposalId}`),
  audit: (auditId: string): WebLink => page(`/audits/${auditId}`),
  auditProgramme: (programmeId: string): WebLink => page(`/audit-programmes/${programmeId}`),
  nonconformity: (nonconformityId: string): WebLink => page(`/nonconformities/${nonconformityId}`),
  correctiveAction: (correctiveActionId: string): WebLink =>
    page(`/corrective-actions/${correctiveActionId}`),
  overdueCorrectiveActions: (): WebLink => page('/corrective-actions?overdue=true'),
  objective: (objectiveId: string): WebLink => page(`/objectives/${objectiveId}`),
  risk: (riskId: string): WebLink => page(`/risks/${riskId}`),
  managementReview: (reviewId: string): WebLink => page(`/management-reviews/${reviewId}`),
  declaration: (declarationId: string): WebLink => page(`/conformity/declarations/${declarationId}`),
  user: (userId: string): WebLink => page(`/users/${userId}`),
  /** One's own account (profile, password). */
  profile: (): WebLink => page('/me'),
} as const;

/**
 * A link under the public address of the web app, keeping any path the address has (a
 * reverse-proxy prefix); as it is when no public address is configured.
 */
export function absoluteWebLink(link: string, baseUrl: string | undefined): string {
  if (!baseUrl) return link;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(link.replace(/^\/+/, ''), base).toString();
}
