import { getMetadataStorage, ValidateBy } from 'class-validator';

/**
 * The Vietnamese name of every input field, as the forms show it: validation messages name the
 * field by it, and each error item carries it as `label` beside the machine name `field`.
 *
 * A property name that means the same thing everywhere is labelled once here; a DTO whose field
 * means something narrower (`code` of an agency, of a document) says so with `@FieldLabel`. A
 * test walks every DTO the API validates and fails on a validated property with no label.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // path parameters (UuidParamPipe)
  id: 'Mã định danh',
  vid: 'Mã phiên bản',
  fid: 'Mã tệp',
  unitId: 'Phòng, ban',
  runId: 'Mã lượt chạy',
  findingId: 'Mã phát hiện đánh giá',
  itemId: 'Mã câu hỏi kiểm tra',
  // whole inputs, and fields read outside DTOs
  value: 'Dữ liệu gửi lên',
  body: 'Nội dung gửi lên',
  query: 'Tham số truy vấn',
  file: 'Tệp',
  fileName: 'Tên tệp',
  kind: 'Loại tệp',
  format: 'Định dạng tệp xuất',
  // paging and searching
  page: 'Số trang',
  pageSize: 'Số dòng mỗi trang',
  q: 'Từ khóa tìm kiếm',
  sort: 'Cách sắp xếp',
  order: 'Thứ tự',
  // people and accounts
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  refreshToken: 'Mã làm mới phiên đăng nhập',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  position: 'Chức vụ',
  roles: 'Vai trò',
  role: 'Vai trò',
  active: 'Đang hoạt động',
  agencyId: 'Cơ quan',
  orgUnitId: 'Phòng, ban',
  actorId: 'Người thực hiện',
  // agencies
  level: 'Cấp hành chính',
  roadmapYear: 'Năm hoàn thành theo lộ trình',
  validFrom: 'Ngày bắt đầu hiệu lực',
  validTo: 'Ngày hết hiệu lực',
  // documents
  ownerOrgUnitId: 'Đơn vị chủ trì',
  isoClauses: 'Điều khoản TCVN ISO 9001:2015',
  isoClause: 'Điều khoản TCVN ISO 9001:2015',
  tthcCodes: 'Mã thủ tục hành chính',
  tthcCode: 'Mã thủ tục hành chính',
  reviewIntervalMonths: 'Chu kỳ xem xét (tháng)',
  reviewDue: 'Đến hạn xem xét',
  distribution: 'Danh sách phân phối',
  external: 'Thông tin tài liệu bên ngoài',
  issuingBody: 'Cơ quan ban hành',
  numberSymbol: 'Số, ký hiệu',
  issuedDate: 'Ngày ban hành',
  inForceDate: 'Ngày có hiệu lực',
  orgUnitIds: 'Phòng, ban nhận',
  userIds: 'Người nhận',
  changeSummary: 'Nội dung sửa đổi',
  decision: 'Quyết định',
  comment: 'Ý kiến',
  effectiveFrom: 'Ngày hiệu lực',
  reason: 'Lý do',
  note: 'Ghi chú',
  // records
  recordTypeId: 'Loại hồ sơ',
  documentId: 'Quy trình liên quan',
  reference: 'Số, ký hiệu hồ sơ',
  recordDate: 'Ngày của hồ sơ',
  recordDateFrom: 'Ngày hồ sơ từ',
  recordDateTo: 'Ngày hồ sơ đến',
  retentionMonths: 'Thời hạn lưu trữ (tháng)',
  retentionBefore: 'Hết hạn lưu trữ trước ngày',
  permanent: 'Lưu trữ vĩnh viễn',
  storagePlace: 'Nơi lưu trữ',
  responsibleOrgUnitId: 'Đơn vị chịu trách nhiệm lưu',
  onHold: 'Đang bị phong tỏa',
  recordIds: 'Hồ sơ đưa vào đợt hủy',
  // audit trail and notifications
  action: 'Thao tác',
  entityType: 'Loại đối tượng',
  entityId: 'Mã đối tượng',
  from: 'Từ thời điểm',
  to: 'Đến thời điểm',
  unreadOnly: 'Chỉ thông báo chưa đọc',
  // background jobs
  failureDays: 'Số ngày gần nhất tính lượt chạy thất bại',
};

/** The rule that carries a label; it always passes, and never shows in an error's `rules`. */
export const FIELD_LABEL_RULE = 'fieldLabel';

/**
 * The label of one DTO's field, where it differs from FIELD_LABELS. Kept with the field's
 * validation rules, so that PartialType, OmitType and subclasses carry it along with them.
 */
export const FieldLabel = (label: string): PropertyDecorator =>
  ValidateBy({ name: FIELD_LABEL_RULE, constraints: [label], validator: { validate: () => true } });

type Constructor = abstract new (...args: never[]) => unknown;

function isClass(type: unknown): type is Constructor {
  return typeof type === 'function' && type !== Object && type !== Array && type !== String;
}

/** The `@FieldLabel` of a property of `type` (or of a class it was mapped or inherited from). */
function declaredLabel(type: Constructor, property: string): string | undefined {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const labels = metadatas.filter((m) => m.name === FIELD_LABEL_RULE && m.propertyName === property);
  // The class's own label wins over one it inherits.
  const label = labels.find((m) => m.target === type) ?? labels[0];
  return typeof label?.constraints?.[0] === 'string' ? label.constraints[0] : undefined;
}

/** The Vietnamese label of `property` of `type` (a DTO class, or undefined when not known). */
export function fieldLabelOf(type: unknown, property: string): string | undefined {
  return (isClass(type) ? declaredLabel(type, property) : undefined) ?? FIELD_LABELS[property];
}

/** `Danh sách phân phối › Phòng, ban nhận`: the label of a nested field names its parents. */
export function nestedLabel(parent: string | undefined, own: string): string {
  return parent ? `${parent} › ${own}` : own;
}

/** `Phòng, ban nhận (mục 3)`: an item of a list, counted from 1 as people count. */
export function itemLabel(parent: string, index: string): string {
  return `${parent} (mục ${Number(index) + 1})`;
}

const INDEX = /^\d+$/;

/**
 * The label of a dotted path (`distribution.orgUnitIds.0`) inside an input read as `type`:
 * nested DTOs are followed through their declared property types. A segment without a label
 * keeps its machine name, so that a field no DTO declares is still named.
 */
export function fieldLabelOfPath(type: unknown, path: string): string {
  if (!path) return FIELD_LABELS.value;
  let current: unknown = type;
  let label: string | undefined;
  for (const segment of path.split('.')) {
    if (label !== undefined && INDEX.test(segment)) {
      label = itemLabel(label, segment);
      continue;
    }
    label = nestedLabel(label, fieldLabelOf(current, segment) ?? segment);
    current = isClass(current)
      ? (Reflect.getMetadata('design:type', current.prototype as object, segment) as unknown)
      : undefined;
  }
  return label ?? FIELD_LABELS.value;
}
