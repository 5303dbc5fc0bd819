import { signatureHash } from '@eiso/signatures';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { ManagementReviewState, ReviewActionKind, ReviewActionState } from './management-review-state';
import { ManagementReviewEntity } from './management-review.entity';
import { MINUTES_MEANING, minutesContent, minutesSubject } from './minutes-content';
import type { ReviewInputs } from './review-inputs';

const at = new Date('2027-01-16T05:00:00Z');

function review(overrides: Partial<ManagementReviewEntity> = {}): ManagementReviewEntity {
  return {
    id: '8f0a2f0e-5a40-4a55-9a43-0d2c1f1c0001',
    agencyId: '8f0a2f0e-5a40-4a55-9a43-0d2c1f1c0002',
    year: 2027,
    serial: 1,
    title: 'Xem xét của lãnh đạo năm 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    meetingDate: '2027-01-15',
    place: 'Phòng họp số 1',
    chairId: '8f0a2f0e-5a40-4a55-9a43-0d2c1f1c0003',
    attendeeIds: ['b', 'a'],
    guests: ['Khách mời'],
    state: ManagementReviewState.Held,
    customerFeedback: 'Hài lòng',
    providerPerformance: null,
    resourceAdequacy: null,
    contextChanges: null,
    improvementOpportunities: null,
    conclusionSuitability: 'Phù hợp',
    conclusionAdequacy: 'Thỏa đáng',
    conclusionEffectiveness: 'Có hiệu lực',
    presentIds: ['a'],
    inputs: { from: '2026-01-01', to: '2026-12-31', asOf: '2027-01-15' } as ReviewInputs,
    compiledAt: at,
    heldAt: at,
    heldBy: null,
    signedAt: null,
    minutesKey: null,
    minutesSize: null,
    minutesSha256: null,
    createdBy: 'x',
    createdAt: at,
    updatedAt: at,
    version: 3,
    ...overrides,
  };
}

const action = (id: string, position: number): ManagementReviewActionEntity => ({
  id,
  reviewId: 'r',
  agencyId: 'g',
  position,
  kind: ReviewActionKind.Resources,
  description: `Hành động ${position}`,
  ownerId: 'o',
  dueDate: '2027-03-31',
  state: ReviewActionState.Open,
  doneOn: null,
  doneNote: null,
  doneBy: null,
  createdBy: 'x',
  createdAt: at,
  updatedAt: at,
  version: 1,
});

describe('minutes content', () => {
  const act = { meaning: MINUTES_MEANING, signerId: 'c', signedAt: at };

  it('names the minutes of the review as the signature subject', () => {
    expect(minutesSubject('r1')).toEqual({ type: 'management_review_minutes', id: 'r1' });
  });

  it('pins the hash of one review: what the chair signs does not drift silently', () => {
    const content = minutesContent(review(), [action('a2', 2), action('a1', 1)]);
    expect(signatureHash(content, act)).toBe(
      '468397c163c902fce229c19ed212c5dc165362c9773168bfdb9e17e05f81c736',
    );
  });

  it('does not depend on the order of attendees or of the actions loaded, but on every signed fact', () => {
    const base = signatureHash(minutesContent(review(), [action('a1', 1), action('a2', 2)]), act);
    expect(
      signatureHash(
        minutesContent(review({ attendeeIds: ['a', 'b'] }), [action('a2', 2), action('a1', 1)]),
        act,
      ),
    ).toBe(base);
    for (const changed of [
      review({ conclusionEffectiveness: 'Chưa có hiệu lực' }),
      review({ customerFeedback: 'Chưa hài lòng' }),
      review({ meetingDate: '2027-01-16' }),
      review({ inputs: { from: '2026-01-01', to: '2026-12-31', asOf: '2027-01-16' } as ReviewInputs }),
    ]) {
      expect(signatureHash(minutesContent(changed, [action('a1', 1), action('a2', 2)]), act)).not.toBe(base);
    }
    expect(signatureHash(minutesContent(review(), [action('a1', 1)]), act)).not.toBe(base);
  });
});
