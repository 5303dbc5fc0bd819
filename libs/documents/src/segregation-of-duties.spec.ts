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

  it.each(Object.values(DutyStep))(
    'refuses the author at the %s step, whatever roles the account holds',
    (step) => {
      expect(codeOf(step, version.authorId)).not.toBeNull();
    },
  );

  it('counts a review signed before a return: that reviewer may not approve the resubmitted version', () => {
    const afterReturn: VersionParticipants = { authorId: 'tac-gia', reviewerIds: ['vong-1', 'vong-2'] };
    expect(() => assertSegregationOfDuties(DutyStep.Approve, 'vong-1', afterReturn)).toThrow(
      expect.objectContaining({ code: ErrorCode.DocumentApproverIsReviewer }),
    );
  });

  it('lets the reviewer or the approver issue: only the author may not', () => {
    expect(() => assertSegregationOfDuties(DutyStep.Issue, 'xem-xet-1', version)).not.toThrow();
    expect(() => assertSegregationOfDuties(DutyStep.Issue, 'phe-duyet', version)).not.toThrow();
  });

  it('lets anyone but the author approve a version nobody has reviewed yet', () => {
    const unreviewed: VersionParticipants = { authorId: 'tac-gia', reviewerIds: [] };
    expect(() => assertSegregationOfDuties(DutyStep.Approve, 'phe-duyet', unreviewed)).not.toThrow();
    expect(() => assertSegregationOfDuties(DutyStep.Approve, 'tac-gia', unreviewed)).toThrow(
      expect.objectContaining({ code: ErrorCode.DocumentSelfReview }),
    );
  });

  it('names the author first when the author also signed a review', () => {
    const both: VersionParticipants = { authorId: 'tac-gia', reviewerIds: ['tac-gia'] };
    expect(() => assertSegregationOfDuties(DutyStep.Approve, 'tac-gia', both)).toThrow(
      expect.objectContaining({ code: ErrorCode.DocumentSelfReview }),
    );
  });
});
