import { nonconformityNumber, numberingYearOf } from './nonconformity-numbering';

describe('nonconformity numbers', () => {
  it('pads the serial to two digits and keeps longer ones whole', () => {
    expect(nonconformityNumber(1, 2026)).toBe('01/2026');
    expect(nonconformityNumber(9, 2026)).toBe('09/2026');
    expect(nonconformityNumber(10, 2026)).toBe('10/2026');
    expect(nonconformityNumber(123, 2027)).toBe('123/2027');
  });

  it('numbers in the year of the detection date', () => {
    expect(numberingYearOf('2026-12-31')).toBe(2026);
    expect(numberingYearOf('2027-01-01')).toBe(2027);
  });
});
