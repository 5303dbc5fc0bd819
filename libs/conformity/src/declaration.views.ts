import type { SignatureFacts } from '@eiso/signatures';
import {
  DECLARATION_KIND_LABELS,
  DECLARATION_STATE_LABELS,
  DeclarationKind,
  DeclarationState,
} from './declaration-state';
import type { ConformityDeclarationEntity, DeclaredProcedure } from './declaration.entity';

export interface DeclarationSummaryView {
  id: string;
  agencyId: string;
  agencyName: string;
  kind: DeclarationKind;
  kindLabel: string;
  state: DeclarationState;
  stateLabel: string;
  /** "03/QĐ-STP"; null on a draft. */
  number: string | null;
  decisionDate: string | null;
  tthcCodes: string[];
  signedAt: string | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  /** Replaced by a later redeclaration. */
  superseded: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DeclarationRef {
  id: string;
  number: string | null;
  decisionDate: string | null;
}

export interface DeclarationView extends DeclarationSummaryView {
  legalBases: string[];
  procedures: DeclaredProcedure[];
  supersedes: DeclarationRef | null;
  supersededBy: DeclarationRef | null;
  signature: SignatureFacts | null;
  /** The stored decision (PDF) once signed. */
  pdf: { size: number; sha256: string } | null;
  submittedBy: string | null;
  acknowledgedBy: string | null;
}

export function toDeclarationSummaryView(
  d: ConformityDeclarationEntity,
  agencyName: string,
): DeclarationSummaryView {
  return {
    id: d.id,
    agencyId: d.agencyId,
    agencyName,
    kind: d.kind,
    kindLabel: DECLARATION_KIND_LABELS[d.kind],
    state: d.state,
    stateLabel: DECLARATION_STATE_LABELS[d.state],
    number: d.number,
    decisionDate: d.decisionDate,
    tthcCodes: d.tthcCodes,
    signedAt: d.signedAt?.toISOString() ?? null,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    acknowledgedAt: d.acknowledgedAt?.toISOString() ?? null,
    superseded: d.supersededById !== null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

export function toDeclarationRef(d: ConformityDeclarationEntity | null): DeclarationRef | null {
  return d && { id: d.id, number: d.number, decisionDate: d.decisionDate };
}
