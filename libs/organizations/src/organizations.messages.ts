import { AGENCY_LEVELS, MAX_ROADMAP_YEAR, MIN_ROADMAP_YEAR } from './agency-level';

/** Vietnamese texts of the organizations domain, in one place: field errors and agency-import row errors. */
export const ORGANIZATIONS_MESSAGES = {
  validToBeforeValidFrom: 'Ngày hết hiệu lực phải sau hoặc trùng ngày bắt đầu hiệu lực.',
  missingFile: 'Chưa chọn tệp CSV danh sách cơ quan.',
  notUtf8: 'Tệp không phải văn bản UTF-8. Hãy lưu lại tệp CSV với mã hóa UTF-8.',
  unstorableCharacter: 'Dòng có ký tự NUL (mã 0), không lưu được: hãy xóa ký tự này khỏi tệp.',
  empty: 'Tệp không có dòng dữ liệu nào.',
  tooManyRows: (max: number) => `Tệp có quá nhiều dòng: tối đa ${max} cơ quan mỗi lần nhập.`,
  missingColumns: (columns: string[], expected: readonly string[]) =>
    `Thiếu cột bắt buộc: ${columns.join(', ')}. Dòng tiêu đề phải có các cột: ${expected.join(',')}.`,
  malformedCsv: 'Dòng không đúng định dạng CSV (kiểm tra dấu ngoặc kép và dấu phẩy).',
  columnCount: (found: number, expected: number) =>
    `Dòng có ${found} cột, trong khi dòng tiêu đề có ${expected} cột.`,
  badLevel: (value: string) =>
    value
      ? `Cấp cơ quan "${value}" không hợp lệ; phải là một trong: ${AGENCY_LEVELS.join(', ')}.`
      : `Thiếu cấp cơ quan; phải là một trong: ${AGENCY_LEVELS.join(', ')}.`,
  badYear: (value: string) =>
    value
      ? `Năm hoàn thành "${value}" không hợp lệ; phải là năm từ ${MIN_ROADMAP_YEAR} đến ${MAX_ROADMAP_YEAR}.`
      : `Thiếu năm hoàn thành (cột deadline_year).`,
  missingName: 'Thiếu tên cơ quan.',
  badAbbreviation:
    'Ký hiệu cơ quan (cột abbreviation) chỉ gồm chữ, số và các dấu "&", ".", "-", không có khoảng trắng, tối đa 20 ký tự.',
  placeTooLong: (max: number) => `Địa danh (cột place) dài quá ${max} ký tự.`,
  missingDistrict: 'Cơ quan cấp xã phải ghi rõ huyện trực thuộc (cột district).',
  duplicateRow: (line: number) => `Trùng tên với cơ quan ở dòng ${line} (cùng cơ quan cấp trên).`,
  districtNotFound: (district: string) =>
    `Không tìm thấy "${district}" trong tệp hoặc trong danh sách cơ quan cấp huyện đã có.`,
  districtAmbiguous: (district: string) =>
    `Có nhiều cơ quan cấp huyện khớp với "${district}"; hãy chọn cơ quan cấp trên khi nhập.`,
} as const;
