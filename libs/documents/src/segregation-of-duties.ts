import { DomainException, ErrorCode } from '@eiso/common';

/** The steps of a version's lifecycle that segregation of duties constrains. */
export enum DutyStep {
  Review = 'review',
  Approve = 'approve',
  Issue = 'issue',
}

/** Who has already taken part in one version. */
export interface VersionParticipants {
  authorId: string;
  /** Everyone who signed a review ("Xem xét") of the version, in any round before a return. */
  reviewerIds: readonly string[];
}

/**
 * Segregation of duties (DESIGN §1), whatever roles one account holds: for one version the author,
 * the reviewer and the approver are three different people, and the issuer is not the author.
 * A review signed before the version was returned still counts: the approver signs after it.
 */
export function assertSegregationOfDuties(
  step: DutyStep,
  actorId: string,
  participants: VersionParticipants,
): void {
  switch (step) {
    case DutyStep.Review:
      if (actorId === participants.authorId) throw new DomainException(ErrorCode.DocumentSelfReview);
      return;
    case DutyStep.Approve:
      if (actorId === participants.authorId) throw new DomainException(ErrorCode.DocumentSelfReview);
      if (participants.reviewerIds.includes(actorId)) {
        throw new DomainException(ErrorCode.DocumentApproverIsReviewer);
      }
      return;
    case DutyStep.Issue:
      if (actorId === participants.authorId) throw new DomainException(ErrorCode.DocumentSelfIssue);
      return;
  }
}
