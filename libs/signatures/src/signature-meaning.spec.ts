import { isSignatureMeaning, SIGNATURE_MEANING_LABELS, SignatureMeaning } from './signature-meaning';
import { SignatureSubjectType } from './signature-subject';

describe('signature meanings', () => {
  const meanings = Object.values(SignatureMeaning);

  it('label every meaning in Vietnamese, each label its own', () => {
    expect(Object.keys(SIGNATURE_MEANING_LABELS).sort()).toEqual([...meanings].sort());
    const labels = meanings.map((m) => SIGNATURE_MEANING_LABELS[m]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(SIGNATURE_MEANING_LABELS).toMatchObject({
      submit: 'Soạn thảo',
      review: 'Xem xét',
      approve: 'Phê duyệt',
      issue: 'Ban hành',
      withdraw: 'Hủy bỏ',
      propose: 'Trình',
      dispose: 'Phê duyệt hủy',
      declare: 'Ký công bố',
    });
  });

  it('keep the keys stored rows already carry, in the shape the signature table accepts', () => {
    // Stored document signatures and disposal approvals use these keys, and their hashes include them.
    expect(meanings).toEqual(
      expect.arrayContaining(['submit', 'review', 'approve', 'issue', 'withdraw', 'dispose']),
    );
    for (const key of [...meanings, ...Object.values(SignatureSubjectType)]) {
      expect(key).toMatch(/^[a-z][a-z_]*$/);
    }
  });

  it('tell a known meaning from any other text', () => {
    expect(isSignatureMeaning('dispose')).toBe(true);
    expect(isSignatureMeaning('toString')).toBe(false);
    expect(isSignatureMeaning('Phê duyệt')).toBe(false);
  });
});
