import { attachmentContentDisposition } from './content-disposition.util';

function encodedName(header: string): string {
  const match = /filename\*=UTF-8''([^;]+)$/.exec(header);
  if (!match) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

describe('attachmentContentDisposition', () => {
  it('carries a Vietnamese name intact and an ASCII fallback', () => {
    const header = attachmentContentDisposition('Quy trình kiểm soát tài liệu.pdf');
    expect(header).toMatch(/^attachment; filename="Quy trinh kiem soat tai lieu\.pdf"; filename\*=UTF-8''/);
    expect(encodedName(header)).toBe('Quy trình kiểm soát tài liệu.pdf');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('normalizes to NFC and folds đ in the fallback', () => {
    const header = attachmentContentDisposition('Đề nghị điều chỉnh.docx'.normalize('NFD'));
    expect(header).toContain('filename="De nghi dieu chinh.docx"');
    expect(encodedName(header)).toBe('Đề nghị điều chỉnh.docx'.normalize('NFC'));
  });

  it('escapes what would break the header or the file system', () => {
    const header = attachmentContentDisposition('a"b\\c/d\r\n(1)*\'.pdf');
    expect(header).toContain('filename="a_b_c_d__(1)*\'.pdf"');
    expect(header).toContain("filename*=UTF-8''a%22b_c_d__%281%29%2A%27.pdf");
  });
});
