export * from './management-reviews.module';
export * from './management-review-state';
export * from './management-review-numbering';
export * from './review-inputs';
export * from './management-review.views';
export * from './management-reviews.service';
export * from './management-review-actions.service';
export * from './management-reviews.messages';
export { MINUTES_TEXT } from './minutes-text';
