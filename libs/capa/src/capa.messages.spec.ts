import { NonconformitySource } from './capa-state';
import { NONCONFORMITY_MESSAGES } from './capa.messages';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-action.messages';

describe('capa texts', () => {
  it('names the source inside a sentence in lowercase, keeping acronyms', () => {
    const body = (source: NonconformitySource) =>
      NONCONFORMITY_MESSAGES.raised(3, 2027, 'Hồ sơ trễ hạn', source, '2027-03-10', null).body;
    expect(body(NonconformitySource.LateDossier)).toContain('(nguồn: hồ sơ TTHC trễ hạn)');
    expect(body(NonconformitySource.Complaint)).toContain('(nguồn: phản ánh, kiến nghị)');
    expect(body(NonconformitySource.AuditFinding)).toContain('(nguồn: đánh giá nội bộ)');
  });

  it('ends the reason of a failed check as a sentence, without doubling its period', () => {
    const body = (reason: string) =>
      CORRECTIVE_ACTION_MESSAGES.notifications.reopened('03/2027', 2, reason, 'Lê Văn Kiểm').body;
    expect(body('Còn 3 hồ sơ trễ hẹn')).toBe(
      'Lê Văn Kiểm kết luận hành động khắc phục chưa có hiệu lực. Lý do: Còn 3 hồ sơ trễ hẹn. ' +
        'Cần lập và thực hiện các hành động của lần thực hiện thứ 2.',
    );
    expect(body('Còn 3 hồ sơ trễ hẹn.')).toContain('Lý do: Còn 3 hồ sơ trễ hẹn. Cần lập');
    expect(body('Vẫn tái diễn?')).toContain('Lý do: Vẫn tái diễn? Cần lập');
  });
});
