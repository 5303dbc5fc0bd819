import { MAX_YEAR, MIN_YEAR } from './field-formats';

/**
 * What the HTTP edge tells users about the input they sent (Vietnamese, shown as is). A field is
 * named by its label (field-labels.ts); a message says what the field should hold.
 */
export const HTTP_MESSAGES = {
  /** `Ngày hiệu lực` + `phải là ngày …`. */
  fieldInvalid: (label: string, asks: string): string => `${label} ${asks}.`,
  fieldMissing: (label: string, asks: string): string => `${label} là bắt buộc và ${asks}.`,
  fieldNull: (label: string, asks: string): string => `${label} không nhận giá trị null và ${asks}.`,
  /** A rule checked on each item of a list. */
  eachItem: (asks: string): string => `có mục không hợp lệ (mỗi mục ${asks})`,
  /** A rule this catalogue has no words for (RULE_TEXTS); a test keeps every DTO's rules covered. */
  unknownRule: 'không hợp lệ',
  fieldNotAllowed: (field: string): string =>
    `Trường "${field}" không được phép gửi lên (không có trong biểu mẫu này).`,
  fieldUnstorable: (label: string): string =>
    `${label} chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode bị cắt dở).`,
  tooDeep: (max: number): string => `Dữ liệu gửi lên lồng nhau quá ${max} cấp.`,
} as const;

type RuleText = (constraints: readonly unknown[]) => string;

const listed = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => String(v)).join(', ') : String(values);

/**
 * What each validation rule asks of a value, by the rule's name (the keys of an error's `rules`),
 * worded to follow the field's label. Enumerations list their values; formats give an example.
 */
export const RULE_TEXTS: Readonly<Record<string, RuleText>> = {
  isString: () => 'phải là chuỗi ký tự',
  isNotBlank: () => 'không được để trống hoặc chỉ gồm khoảng trắng',
  minLength: ([n]) => (n === 1 ? 'không được để trống' : `phải có ít nhất ${String(n)} ký tự`),
  maxLength: ([n]) => `không được dài quá ${String(n)} ký tự`,
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là một số (không phải NaN hay vô cực)',
  min: ([n]) => `phải từ ${String(n)} trở lên`,
  max: ([n]) => `không được lớn hơn ${String(n)}`,
  isBoolean: () => 'phải là true hoặc false',
  isEnum: ([, values]) => `phải là một trong các giá trị: ${listed(values)}`,
  isIn: ([values]) => `phải là một trong các giá trị: ${listed(values)}`,
  equals: ([value]) => `chỉ nhận giá trị ${String(value)}`,
  isUuid: () => 'phải là mã định danh dạng UUID, ví dụ 3fa85f64-5717-4562-b3fc-2c963f66afa6',
  isEmail: () => 'phải là địa chỉ thư điện tử, ví dụ nguyenvana@kontum.gov.vn',
  isArray: () => 'phải là một danh sách (mảng JSON)',
  arrayMinSize: ([n]) => `phải có ít nhất ${String(n)} mục`,
  arrayMaxSize: ([n]) => `không được quá ${String(n)} mục`,
  arrayUnique: () => 'không được có mục trùng nhau',
  isObject: () => 'phải là một đối tượng JSON ({ … })',
  nestedValidation: () => 'phải là một đối tượng JSON ({ … })',
  isCalendarDate: () =>
    `phải là ngày có thật theo định dạng YYYY-MM-DD (năm ${MIN_YEAR}–${MAX_YEAR}), ví dụ 2026-12-01`,
  isTimestamp: () =>
    'phải là thời điểm theo định dạng ISO 8601, có giờ và múi giờ, ví dụ 2026-01-05T08:30:00+07:00',
  isAfterFrom: () => 'phải sau Từ thời điểm',
  isLocalCode: () =>
    'chỉ gồm chữ, số và các dấu . _ / -, bắt đầu bằng chữ hoặc số, dài tối đa 64 ký tự, ví dụ QT-HT-01',
  isAgencyAbbreviation: () =>
    'chỉ gồm chữ, số và các dấu & . -, không có khoảng trắng, bắt đầu và kết thúc bằng chữ hoặc số, dài tối đa 20 ký tự, ví dụ STP',
  isIsoClause: () => 'phải là số hiệu điều khoản của TCVN ISO 9001:2015, ví dụ 7.5.3',
  isTthcCode: () => 'phải là mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia, ví dụ 1.000948',
  isCodePrefix: () => 'chỉ gồm chữ, số, dấu chấm, gạch ngang hoặc gạch dưới, tối đa 20 ký tự, ví dụ NR-',
  isUsername: () => 'chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -, dài 3–64 ký tự, ví dụ nguyenvana',
  isPassword: () => 'phải dài 8–128 ký tự, có ít nhất một chữ cái và một chữ số',
};
