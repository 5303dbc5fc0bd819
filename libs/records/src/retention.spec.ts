import { retentionEndOf, retentionLabel } from './retention';

describe('retention', () => {
  it('ends the type’s months after the record’s date', () => {
    expect(retentionEndOf('2021-03-15', { months: 60, permanent: false })).toBe('2026-03-15');
    expect(retentionEndOf('2025-12-01', { months: 1, permanent: false })).toBe('2026-01-01');
  });

  it('clamps to the last day of a shorter month, as PostgreSQL does', () => {
    expect(retentionEndOf('2024-01-31', { months: 1, permanent: false })).toBe('2024-02-29');
    expect(retentionEndOf('2023-08-31', { months: 18, permanent: false })).toBe('2025-02-28');
  });

  it('never ends for permanent types', () => {
    expect(retentionEndOf('2001-01-01', { months: null, permanent: true })).toBeNull();
  });

  it('writes the period in years when it is whole years', () => {
    expect(retentionLabel({ months: 60, permanent: false })).toBe('5 năm');
    expect(retentionLabel({ months: 18, permanent: false })).toBe('18 tháng');
    expect(retentionLabel({ months: null, permanent: true })).toBe('Vĩnh viễn');
  });
});
