import { Role } from '@eiso/common';
import { mayManageRisk } from './risk-duties';

describe('who manages a risk', () => {
  const unit = 'unit-a';
  it('the head and the ISO secretary: any unit of the agency', () => {
    expect(mayManageRisk({ roles: [Role.Approver], orgUnitId: 'unit-b' }, unit)).toBe(true);
    expect(mayManageRisk({ roles: [Role.IsoSecretary], orgUnitId: null }, unit)).toBe(true);
  });
  it('a unit head: only the risks of their own unit', () => {
    expect(mayManageRisk({ roles: [Role.Reviewer], orgUnitId: unit }, unit)).toBe(true);
    expect(mayManageRisk({ roles: [Role.Reviewer], orgUnitId: 'unit-b' }, unit)).toBe(false);
    expect(mayManageRisk({ roles: [Role.Reviewer], orgUnitId: null }, unit)).toBe(false);
  });
  it('nobody else, even of the owner unit', () => {
    expect(mayManageRisk({ roles: [Role.Staff], orgUnitId: unit }, unit)).toBe(false);
    expect(mayManageRisk({ roles: [Role.Auditor], orgUnitId: unit }, unit)).toBe(false);
  });
});
