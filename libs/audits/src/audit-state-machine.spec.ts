import { DomainException, ErrorCode } from '@eiso/common';
import { AuditState } from './audit-state';
import { assertAuditTransition, canTransitionAudit } from './audit-state-machine';

const ALLOWED = new Set([
  `${AuditState.Planned}>${AuditState.InProgress}`,
  `${AuditState.InProgress}>${AuditState.Reported}`,
  `${AuditState.Reported}>${AuditState.Closed}`,
]);

describe('audit state machine', () => {
  const states = Object.values(AuditState);
  for (const from of states) {
    for (const to of states) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionAudit(from, to)).toBe(allowed);
        if (allowed) {
          expect(() => assertAuditTransition(from, to)).not.toThrow();
        } else {
          let error: unknown;
          try {
            assertAuditTransition(from, to);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainException);
          expect((error as DomainException).code).toBe(ErrorCode.AuditInvalidTransition);
        }
      });
    }
  }

  it('names both states in Vietnamese', () => {
    try {
      assertAuditTransition(AuditState.Closed, AuditState.InProgress);
    } catch (e) {
      expect((e as DomainException).details).toMatchObject({
        message: 'Cuộc đánh giá đang ở trạng thái "Đã kết thúc", không thể chuyển sang "Đang đánh giá".',
      });
    }
    expect.assertions(1);
  });
});
