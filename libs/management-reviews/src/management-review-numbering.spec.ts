import {
  defaultReviewTitle,
  managementReviewNumber,
  numberingYearOf,
  periodLongerThan,
} from './management-review-numbering';

describe('management review numbering', () => {
  it('pads the serial to two digits and keeps larger ones', () => {
    expect(managementReviewNumber(1, 2026)).toBe('01/2026');
    expect(managementReviewNumber(12, 2027)).toBe('12/2027');
    expect(managementReviewNumber(105, 2027)).toBe('105/2027');
  });

  it('numbers in the year of the meeting date and titles by the year the period ends', () => {
    expect(numberingYearOf('2027-01-15')).toBe(2027);
    expect(defaultReviewTitle('2026-12-31')).toBe('Xem xét của lãnh đạo năm 2026');
  });

  it('allows a period of at most 24 months: the day before the same date two years on', () => {
    expect(periodLongerThan('2025-01-01', '2026-12-31', 24)).toBe(false);
    expect(periodLongerThan('2025-01-01', '2027-01-01', 24)).toBe(true);
    expect(periodLongerThan('2026-01-15', '2028-01-14', 24)).toBe(false);
    expect(periodLongerThan('2026-01-15', '2028-01-15', 24)).toBe(true);
    expect(periodLongerThan('2026-03-15', '2026-03-15', 24)).toBe(false);
  });
});
