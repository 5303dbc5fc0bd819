import { DomainException, ErrorCode } from '@eiso/common';
import { assertSegregationOfDuties, DutyStep, VersionParticipants } from './segregation-of-duties';

const version: VersionParticipants = { authorId: 'tac-gia', reviewerIds: ['xem-xet-1', 'xem-xet-2'] };

function codeOf(step: DutyStep, actorId: string): ErrorCode | null {
  try {
    assertSegregationOfDuties(step, actorId, version);
    return null;
  } catch (error) {
    return (error as DomainException).code;
  }
}

describe('segregation of duties on one version', () => {
  it.each([
    [DutyStep.Review, 'tac-gia', ErrorCode.DocumentSelfReview],
    [DutyStep.Review, 'xem-xet-1', null],
    [DutyStep.Review, 'nguoi-khac', null],
    [DutyStep.Approve, 'tac-gia', ErrorCode.DocumentSelfReview],
    [DutyStep.Approve, 'xem-xet-1', ErrorCode.DocumentApproverIsReviewer],
    [DutyStep.Approve, 'xem-xet-2', ErrorCode.DocumentApproverIsReviewer],
    [DutyStep.Approve, 'nguoi-khac', null],
    [DutyStep.Issue, 'tac-gia', ErrorCode.DocumentSelfIssue],
    [DutyStep.Issue, 'xem-xet-1', null],
    [DutyStep.Issue, 'nguoi-khac', null],
  ])('%s by %s → %s', (step, actorId, expected) => {
    expect(codeOf(step, actorId)).toBe(expected);
  });
});
