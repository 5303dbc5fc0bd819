import { actionLines } from './capa-register.service';

describe('the actions column of the register', () => {
  const action = (round: number, description: string, doneOn: string | null) => ({
    round,
    description,
    ownerId: 'u1',
    owner: 'Trần Thị B',
    dueDate: '2026-04-30',
    doneOn,
  });

  it('lists description — owner — due — done, one per line', () => {
    expect(actionLines([action(1, 'Sửa quy trình', '2026-04-20'), action(1, 'Đào tạo lại', null)])).toBe(
      '- Sửa quy trình — Trần Thị B — hạn 30/04/2026 — xong 20/04/2026\n' +
        '- Đào tạo lại — Trần Thị B — hạn 30/04/2026 — chưa xong',
    );
  });

  it('groups by round once a check found the action not effective', () => {
    expect(actionLines([action(1, 'Sửa quy trình', '2026-04-20'), action(2, 'Bổ sung biểu mẫu', null)])).toBe(
      'Lần 1:\n- Sửa quy trình — Trần Thị B — hạn 30/04/2026 — xong 20/04/2026\n' +
        'Lần 2:\n- Bổ sung biểu mẫu — Trần Thị B — hạn 30/04/2026 — chưa xong',
    );
  });

  it('is empty without actions', () => {
    expect(actionLines([])).toBe('');
  });
});
