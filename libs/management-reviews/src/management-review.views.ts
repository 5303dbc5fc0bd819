import { SignatureFacts } from '@eiso/signatures';
import {
  MANAGEMENT_REVIEW_STATE_LABELS,
  ManagementReviewState,
  REVIEW_ACTION_KIND_LABELS,
  REVIEW_ACTION_STATE_LABELS,
  ReviewActionKind,
  ReviewActionState,
} from './management-review-state';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { managementReviewNumber } from './management-review-numbering';
import { ManagementReviewEntity } from './management-review.entity';
import { isActionOverdue, ReviewInputs } from './review-inputs';

export interface PersonRef {
  id: string;
  fullName: string;
  position: string | null;
}

/** The manual inputs the secretary writes before the meeting (9.3.2 items the system cannot count). */
export interface ManualInputsView {
  customerFeedback: string | null;
  providerPerformance: string | null;
  resourceAdequacy: string | null;
  contextChanges: string | null;
  improvementOpportunities: string | null;
}

/** The conclusions of the meeting (9.3.3): suitability, adequacy, effectiveness of the QMS. */
export interface ConclusionsView {
  suitability: string | null;
  adequacy: string | null;
  effectiveness: string | null;
}

export interface ManagementReviewSummaryView {
  id: string;
  number: string;
  year: number;
  serial: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  meetingDate: string;
  state: ManagementReviewState;
  stateLabel: string;
  chairId: string;
  version: number;
}

export interface ManagementReviewView extends ManagementReviewSummaryView {
  agencyId: string;
  place: string | null;
  chair: PersonRef;
  attendees: PersonRef[];
  guests: string[];
  presentIds: string[];
  manualInputs: ManualInputsView;
  conclusions: ConclusionsView;
  inputs: ReviewInputs;
  compiledAt: string;
  heldAt: string | null;
  signedAt: string | null;
  signature: SignatureFacts | null;
  actions: ReviewActionView[];
  createdAt: string;
  updatedAt: string;
}

export interface ReviewActionView {
  id: string;
  reviewId: string;
  position: number;
  kind: ReviewActionKind;
  kindLabel: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  state: ReviewActionState;
  stateLabel: string;
  doneOn: string | null;
  doneNote: string | null;
  overdue: boolean;
  version: number;
}

export function toReviewSummaryView(r: ManagementReviewEntity): ManagementReviewSummaryView {
  return {
    id: r.id,
    number: managementReviewNumber(r.serial, r.year),
    year: r.year,
    serial: r.serial,
    title: r.title,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    meetingDate: r.meetingDate,
    state: r.state,
    stateLabel: MANAGEMENT_REVIEW_STATE_LABELS[r.state],
    chairId: r.chairId,
    version: r.version,
  };
}

export function toReviewActionView(
  a: ManagementReviewActionEntity,
  ownerName: string,
  today: string,
): ReviewActionView {
  return {
    id: a.id,
    reviewId: a.reviewId,
    position: a.position,
    kind: a.kind,
    kindLabel: REVIEW_ACTION_KIND_LABELS[a.kind],
    description: a.description,
    ownerId: a.ownerId,
    ownerName,
    dueDate: a.dueDate,
    state: a.state,
    stateLabel: REVIEW_ACTION_STATE_LABELS[a.state],
    doneOn: a.doneOn,
    doneNote: a.doneNote,
    overdue: isActionOverdue(a.state, a.dueDate, today),
    version: a.version,
  };
}
