import { DomainException, ErrorCode } from '@eiso/common';
import { assertRiskAction, RiskAction, riskActionAllowed } from './risk-state-machine';
import { RiskState } from './risk-state';

describe('risk state machine', () => {
  const table: [RiskState, RiskAction, boolean][] = [
    ['open', 'edit', true],
    ['open', 'assess', true],
    ['open', 'close', true],
    ['open', 'reopen', false],
    ['closed', 'edit', false],
    ['closed', 'assess', false],
    ['closed', 'close', false],
    ['closed', 'reopen', true],
  ];

  it.each(table)('%s → %s allowed: %s', (state, action, allowed) => {
    expect(riskActionAllowed(state, action)).toBe(allowed);
    if (allowed) {
      expect(() => assertRiskAction(state, action)).not.toThrow();
    } else {
      let code: string | null = null;
      try {
        assertRiskAction(state, action);
      } catch (e) {
        code = (e as DomainException).code;
      }
      expect(code).toBe(state === 'closed' ? ErrorCode.RiskClosed : ErrorCode.RiskNotClosed);
    }
  });
});
