import { toSheetName } from './sheet-name';

describe('toSheetName', () => {
  it('keeps a short Vietnamese title as is', () => {
    expect(toSheetName('DANH MỤC TÀI LIỆU NỘI BỘ')).toBe('DANH MỤC TÀI LIỆU NỘI BỘ');
  });

  it('drops the characters Excel forbids and cuts to 31 characters', () => {
    const name = toSheetName("'Danh mục hồ sơ: năm 2026 [bản 1/2] * phòng Tư pháp?'");
    expect(name).not.toMatch(/[\\/?*[\]:']/);
    expect(Array.from(name).length).toBeLessThanOrEqual(31);
    expect(name.startsWith('Danh mục hồ sơ năm 2026')).toBe(true);
  });

  it('falls back to a default name when nothing is left', () => {
    expect(toSheetName(' /?* ')).toBe('Báo cáo');
  });
});
