import { assertStorageKey } from './storage-key.validator';

describe('assertStorageKey', () => {
  it('accepts the keys the services generate', () => {
    for (const key of ['documents/6f1c/v1', 'records/2026/03/a.pdf', 'x', 'tài-liệu/bản 1.pdf']) {
      expect(() => assertStorageKey(key)).not.toThrow();
    }
  });

  it('refuses keys that could leave the storage root or collide with its temp files', () => {
    const bad = [
      '',
      '/etc/passwd',
      '../x',
      'a/../b',
      'a/./b',
      'a//b',
      'a/',
      '.tmp/x',
      'a\\b',
      'C:/x',
      'a\0b',
      'é'.repeat(600),
    ];
    for (const key of bad) {
      expect(() => assertStorageKey(key)).toThrow(/Invalid storage key/);
    }
  });
});
