import { clauseInScope, orgUnitInScope } from './audit-finding-scope';

describe('finding scope', () => {
  it.each([
    ['8.5', ['7.5', '8.5'], true],
    ['8.5.1', ['7.5', '8.5'], true],
    ['8.5.1.2', ['8.5'], true],
    ['8', ['8.5'], false],
    ['8.51', ['8.5'], false],
    ['9.2', ['7.5', '8.5'], false],
    ['10.2', ['1'], false],
    ['9.2', [], true],
  ])('clause %s within scope %j: %s', (clause, scope, expected) => {
    expect(clauseInScope(clause, scope)).toBe(expected);
  });

  it('takes a unit of the scope, any unit when the scope lists none, and no unit', () => {
    expect(orgUnitInScope('u-1', ['u-1', 'u-2'])).toBe(true);
    expect(orgUnitInScope('u-3', ['u-1', 'u-2'])).toBe(false);
    expect(orgUnitInScope('u-3', [])).toBe(true);
    expect(orgUnitInScope(null, ['u-1'])).toBe(true);
  });
});
