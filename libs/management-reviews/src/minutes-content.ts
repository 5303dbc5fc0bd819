import { SignatureMeaning, SignatureSubject, SignatureSubjectType, SignedContent } from '@eiso/signatures';
import { ManagementReviewActionEntity } from './management-review-action.entity';
import { managementReviewNumber } from './management-review-numbering';
import { ManagementReviewEntity } from './management-review.entity';

export const MINUTES_MEANING = SignatureMeaning.ReviewMinutes;

export function minutesSubject(reviewId: string): SignatureSubject {
  return { type: SignatureSubjectType.ManagementReviewMinutes, id: reviewId };
}

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

/**
 * What the chair signs (libs/signatures adds the meaning, the signer and the time): the review's
 * number, agency, period, meeting, people, the frozen inputs, the manual inputs, the conclusions,
 * and every decision and action with its owner and due date as decided. Attendee order does not
 * matter; actions are kept in their order.
 */
export function minutesContent(
  review: ManagementReviewEntity,
  actions: readonly Pick<
    ManagementReviewActionEntity,
    'id' | 'position' | 'kind' | 'description' | 'ownerId' | 'dueDate'
  >[],
): SignedContent {
  return {
    reviewId: review.id,
    agencyId: review.agencyId,
    number: managementReviewNumber(review.serial, review.year),
    title: review.title,
    period: { from: review.periodFrom, to: review.periodTo },
    meetingDate: review.meetingDate,
    place: review.place,
    chairId: review.chairId,
    attendeeIds: sorted(review.attendeeIds),
    presentIds: sorted(review.presentIds),
    guests: [...review.guests],
    inputs: review.inputs,
    manualInputs: {
      customerFeedback: review.customerFeedback,
      providerPerformance: review.providerPerformance,
      resourceAdequacy: review.resourceAdequacy,
      contextChanges: review.contextChanges,
      improvementOpportunities: review.improvementOpportunities,
    },
    conclusions: {
      suitability: review.conclusionSuitability,
      adequacy: review.conclusionAdequacy,
      effectiveness: review.conclusionEffectiveness,
    },
    actions: [...actions]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        description: a.description,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
      })),
  };
}
