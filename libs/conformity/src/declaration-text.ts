import { formatDateVi } from '@eiso/common';
import { DeclarationKind } from './declaration-state';
import type { DeclaredProcedure } from './declaration.entity';

/** What the decision says, beyond the header and the signature (Thông tư 26/2014/TT-BKHCN, Mẫu). */
export interface DeclarationBody {
  kind: DeclarationKind;
  agencyName: string;
  /** The signer's position ("Giám đốc"); the authority line adds the agency's name. */
  signerPosition: string | null;
  legalBases: readonly string[];
  /** The decision replaced by a redeclaration: its number and date. */
  supersedes: { number: string; date: string } | null;
  tthcCodes: readonly string[];
  procedures: readonly DeclaredProcedure[];
}

export const DECLARATION_TEXT = {
  numberSymbol: 'QĐ',
  title: 'QUYẾT ĐỊNH',
  subject: (kind: DeclarationKind) =>
    kind === DeclarationKind.Redeclaration
      ? 'Về việc công bố lại Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015'
      : 'Về việc công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
  draft: 'DỰ THẢO — chưa ký, chưa có giá trị',
  decides: 'QUYẾT ĐỊNH:',
  annexTitle: 'PHỤ LỤC',
  annexSubtitle: 'PHẠM VI ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO TCVN ISO 9001:2015',
  annexOf: (number: string | null, date: string | null, agencyName: string) =>
    `(Kèm theo Quyết định số ${number ?? '……'} ngày ${date ? formatDateVi(date) : '……'} của ${agencyName})`,
  annexColumns: 'STT — Mã TTHC — Quy trình giải quyết thủ tục hành chính',
  recipients: ['Như Điều 3;', 'Sở Khoa học và Công nghệ (để theo dõi);', 'Lưu: VT, ISO.'],
  signedAt: (at: string) => `Đã ký điện tử lúc ${at}`,
  notSigned: '(chưa ký)',
  contentHash: (hash: string) => `Mã băm nội dung đã ký (SHA-256): ${hash}`,
  generatedAt: (at: string) => `Tạo bởi eISO lúc ${at}`,
  page: (n: number, of: number) => `Trang ${n}/${of}`,
  fileName: (number: string) =>
    `quyet-dinh-cong-bo-${number
      .replace(/Đ/g, 'D')
      .replace(/đ/g, 'd')
      .replace(/[^0-9A-Za-z]+/g, '-')}.pdf`,
  draftFileName: 'du-thao-quyet-dinh-cong-bo.pdf',
} as const;

function capitals(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}

/**
 * "GIÁM ĐỐC SỞ TƯ PHÁP": who decides, above "Căn cứ". A position that already names the kind of
 * agency ("Giám đốc Sở") does not repeat it before the agency's name ("Sở Tư pháp").
 */
export function authorityLine(body: Pick<DeclarationBody, 'signerPosition' | 'agencyName'>): string {
  const position = capitals(body.signerPosition?.trim() || 'Thủ trưởng').split(' ');
  const agency = capitals(body.agencyName).split(' ');
  let overlap = Math.min(position.length - 1, agency.length);
  while (overlap > 0 && position.slice(-overlap).join(' ') !== agency.slice(0, overlap).join(' ')) overlap--;
  return [...position.slice(0, position.length - overlap), ...agency].join(' ');
}

/** Each legal basis as its paragraph: "Căn cứ …;", the last one ending the list with a comma. */
export function legalBasisLines(legalBases: readonly string[]): string[] {
  return legalBases.map((basis) => `Căn cứ ${basis.trim().replace(/[;.,]+$/, '')};`);
}

/** The three articles. */
export function articleLines(body: DeclarationBody): [string, string, string] {
  const verb = body.kind === DeclarationKind.Redeclaration ? 'Công bố lại' : 'Công bố';
  const replaces = body.supersedes
    ? ` Quyết định này thay thế Quyết định số ${body.supersedes.number} ngày ${formatDateVi(body.supersedes.date)}.`
    : '';
  return [
    `Điều 1. ${verb} Hệ thống quản lý chất lượng của ${body.agencyName} phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015 đối với các hoạt động xử lý công việc và giải quyết thủ tục hành chính nêu tại Phụ lục kèm theo Quyết định này.`,
    `Điều 2. Quyết định này có hiệu lực kể từ ngày ký.${replaces}`,
    `Điều 3. Thư ký ISO, Thủ trưởng các phòng, đơn vị thuộc ${body.agencyName} và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`,
  ];
}

/** The annex: one line per TTHC code, with the procedures in force that cover it. */
export function annexLines(body: Pick<DeclarationBody, 'tthcCodes' | 'procedures'>): string[] {
  return [...body.tthcCodes].sort().map((code, index) => {
    const covering = body.procedures.filter((p) => p.tthcCodes.includes(code));
    const names = covering.length
      ? covering.map((p) => `${p.code} — ${p.title}`).join('; ')
      : '(chưa có quy trình)';
    return `${index + 1}. ${code}: ${names}`;
  });
}
