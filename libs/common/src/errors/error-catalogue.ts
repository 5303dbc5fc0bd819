import {
  disposalRecordsNotEligibleMessage,
  preconditionFailedMessage,
  serviceUnavailableMessage,
  signatureLockedMessage,
  signaturePasswordInvalidMessage,
  unsupportedMediaTypeMessage,
  validationFailedMessage,
} from './detailed-messages';
import { ErrorCode } from './error-code';

export interface ErrorDefinition {
  status: number;
  /** Vietnamese, shown to users as is. */
  message: string;
  /**
   * A sharper message from the error's details (attempts left, the formats accepted…); when it
   * answers `undefined`, `message` is used.
   */
  detailed?: (details: Record<string, unknown>) => string | undefined;
}

/** One catalogue: the filter maps each code to its status and message here, and nowhere else. */
export const ERROR_CATALOGUE: Record<ErrorCode, ErrorDefinition> = {
  [ErrorCode.ValidationFailed]: {
    status: 400,
    message: 'Dữ liệu gửi lên không hợp lệ.',
    detailed: validationFailedMessage,
  },
  [ErrorCode.NotFound]: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu.' },
  [ErrorCode.RouteNotFound]: { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  [ErrorCode.InternalError]: {
    status: 500,
    message: 'Hệ thống gặp lỗi ngoài dự kiến. Vui lòng thử lại sau.',
  },
  [ErrorCode.ServiceUnavailable]: {
    status: 503,
    message: 'Hệ thống tạm thời chưa sẵn sàng (cơ sở dữ liệu, hàng đợi hoặc kho lưu trữ không phản hồi).',
    detailed: serviceUnavailableMessage,
  },
  [ErrorCode.RateLimited]: {
    status: 429,
    message: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  },
  [ErrorCode.PreconditionFailed]: {
    status: 412,
    message: 'Dữ liệu đã thay đổi kể từ khi bạn mở. Vui lòng tải lại bản mới nhất rồi sửa tiếp.',
    detailed: preconditionFailedMessage,
  },
  [ErrorCode.PreconditionRequired]: {
    status: 428,
    message: 'Thiếu tiêu đề If-Match: hãy gửi ETag của phiên bản bạn đang sửa.',
  },
  [ErrorCode.PayloadTooLarge]: { status: 413, message: 'Tệp vượt quá dung lượng cho phép.' },
  [ErrorCode.UnsupportedMediaType]: {
    status: 415,
    message: 'Định dạng tệp không được hỗ trợ.',
    detailed: unsupportedMediaTypeMessage,
  },
  [ErrorCode.RequestBodyTooLarge]: {
    status: 413,
    message: 'Nội dung gửi lên vượt quá dung lượng cho phép.',
  },
  [ErrorCode.RequestBodyMalformed]: {
    status: 400,
    message: 'Nội dung gửi lên không đọc được: sai cú pháp JSON, dữ liệu nén bị hỏng hoặc gửi chưa trọn vẹn.',
  },
  [ErrorCode.RequestEncodingUnsupported]: {
    status: 415,
    message: 'Kiểu nén (Content-Encoding) hoặc bảng mã (charset) của nội dung gửi lên không được hỗ trợ.',
  },
  [ErrorCode.AuthRequired]: { status: 401, message: 'Bạn cần đăng nhập để thực hiện thao tác này.' },
  [ErrorCode.AuthInvalidCredentials]: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  [ErrorCode.AuthAccountLocked]: {
    status: 423,
    message: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.',
  },
  [ErrorCode.AuthAccountInactive]: { status: 403, message: 'Tài khoản đã bị vô hiệu hóa.' },
  [ErrorCode.AuthInvalidToken]: { status: 401, message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.' },
  [ErrorCode.AuthInvalidRefreshToken]: {
    status: 401,
    message: 'Mã làm mới phiên không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  },
  [ErrorCode.AuthPasswordChangeRequired]: {
    status: 403,
    message: 'Mật khẩu của bạn do người khác đặt và chỉ dùng tạm: hãy đổi mật khẩu trước khi làm việc khác.',
  },
  [ErrorCode.AuthCurrentPasswordInvalid]: {
    status: 403,
    message: 'Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.',
  },
  [ErrorCode.AuthPasswordUnchanged]: { status: 422, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  [ErrorCode.Forbidden]: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  [ErrorCode.UserNotFound]: { status: 404, message: 'Không tìm thấy người dùng.' },
  [ErrorCode.UsernameTaken]: { status: 409, message: 'Tên đăng nhập đã được sử dụng.' },
  [ErrorCode.UserRoleNotGrantable]: { status: 403, message: 'Bạn không được phép cấp vai trò này.' },
  [ErrorCode.UserAgencyRequired]: {
    status: 422,
    message: 'Người dùng phải thuộc một cơ quan (trừ quản trị hệ thống).',
  },
  [ErrorCode.UserCannotDeactivateSelf]: {
    status: 422,
    message: 'Bạn không thể tự vô hiệu hóa hoặc tự bỏ quyền quản trị của mình.',
  },
  [ErrorCode.UserCannotChangeOwnRoles]: {
    status: 403,
    message: 'Bạn không thể tự thay đổi vai trò của chính mình.',
  },
  [ErrorCode.UserCannotResetOwnPassword]: {
    status: 403,
    message: 'Hãy đổi mật khẩu của chính bạn bằng chức năng "Đổi mật khẩu" (cần nhập mật khẩu hiện tại).',
  },
  [ErrorCode.UserPasswordResetAdminOnly]: {
    status: 403,
    message:
      'Chỉ quản trị hệ thống được đặt lại mật khẩu của tài khoản có vai trò phê duyệt hoặc thư ký ISO.',
  },
  [ErrorCode.UserSigningRoleNeedsOwnPassword]: {
    status: 403,
    message:
      'Tài khoản đang dùng mật khẩu tạm do người khác đặt: chỉ quản trị hệ thống được cấp vai trò phê duyệt hoặc thư ký ISO lúc này; hãy để người dùng tự đổi mật khẩu trước.',
  },
  [ErrorCode.AgencyNotFound]: { status: 404, message: 'Không tìm thấy cơ quan.' },
  [ErrorCode.AgencyCodeTaken]: { status: 409, message: 'Mã cơ quan đã tồn tại.' },
  [ErrorCode.AgencyNameTaken]: {
    status: 409,
    message: 'Đã có cơ quan cùng tên trực thuộc cùng cơ quan cấp trên.',
  },
  [ErrorCode.AgencyParentInvalid]: { status: 422, message: 'Cơ quan cấp trên không hợp lệ.' },
  [ErrorCode.OrgUnitNotFound]: { status: 404, message: 'Không tìm thấy phòng, ban.' },
  [ErrorCode.OrgUnitNameTaken]: { status: 409, message: 'Cơ quan đã có phòng, ban cùng tên.' },
  [ErrorCode.OrgUnitParentInvalid]: { status: 422, message: 'Phòng, ban cấp trên không hợp lệ.' },
  [ErrorCode.AgencyImportInvalid]: { status: 400, message: 'Tệp danh sách cơ quan không hợp lệ.' },
  [ErrorCode.AgencyTransferSameAgency]: {
    status: 422,
    message: 'Cơ quan tiếp nhận phải khác cơ quan bị sáp nhập hoặc giải thể.',
  },
  [ErrorCode.AgencyTransferConflicts]: {
    status: 409,
    message:
      'Chưa thể chuyển dữ liệu sang cơ quan tiếp nhận: có mã trùng với mã của cơ quan tiếp nhận hoặc công việc chưa kết thúc (xem danh sách kèm theo). Hãy đổi mã hoặc kết thúc các việc đó rồi thực hiện lại.',
  },
  [ErrorCode.SignaturePasswordInvalid]: {
    status: 403,
    message: 'Mật khẩu xác nhận ký không đúng; chưa có gì được ký.',
    detailed: signaturePasswordInvalidMessage,
  },
  [ErrorCode.SignatureLocked]: {
    status: 423,
    message:
      'Chữ ký tạm thời bị khóa do nhập sai mật khẩu ký nhiều lần liên tiếp; chưa có gì được ký. Vui lòng thử lại sau 15 phút.',
    detailed: signatureLockedMessage,
  },
  [ErrorCode.DocumentNotFound]: { status: 404, message: 'Không tìm thấy tài liệu.' },
  [ErrorCode.DocumentCodeTaken]: { status: 409, message: 'Mã hiệu tài liệu đã tồn tại trong cơ quan.' },
  [ErrorCode.DocumentVersionNotFound]: { status: 404, message: 'Không tìm thấy phiên bản tài liệu.' },
  [ErrorCode.DocumentVersionNotEditable]: {
    status: 409,
    message: 'Chỉ sửa được phiên bản đang ở trạng thái dự thảo.',
  },
  [ErrorCode.DocumentVersionInvalidTransition]: {
    status: 409,
    message: 'Trạng thái hiện tại của phiên bản không cho phép thao tác này.',
  },
  [ErrorCode.DocumentVersionInFlight]: {
    status: 409,
    message: 'Tài liệu đang có một phiên bản dự thảo hoặc đang xem xét, phê duyệt.',
  },
  [ErrorCode.DocumentVersionOutdated]: {
    status: 409,
    message: 'Đã có phiên bản mới hơn được ban hành; không thể ban hành phiên bản cũ.',
  },
  [ErrorCode.DocumentNoEffectiveVersion]: {
    status: 409,
    message: 'Tài liệu chưa có phiên bản đang hiệu lực để tạo bản sửa đổi.',
  },
  [ErrorCode.DocumentPrimaryFileRequired]: {
    status: 422,
    message: 'Phiên bản cần có tệp chính (PDF hoặc DOCX) trước khi trình xem xét.',
  },
  [ErrorCode.DocumentPrimaryFileExists]: {
    status: 409,
    message: 'Phiên bản đã có tệp chính; hãy xóa tệp cũ trước khi tải tệp mới.',
  },
  [ErrorCode.DocumentFileNotFound]: { status: 404, message: 'Không tìm thấy tệp của tài liệu.' },
  [ErrorCode.DocumentSelfReview]: {
    status: 403,
    message: 'Người soạn thảo không được tự xem xét hoặc phê duyệt phiên bản của mình.',
  },
  [ErrorCode.DocumentApproverIsReviewer]: {
    status: 403,
    message: 'Người đã xem xét phiên bản này không được phê duyệt chính phiên bản đó.',
  },
  [ErrorCode.DocumentSelfIssue]: {
    status: 403,
    message: 'Người soạn thảo không được tự ban hành phiên bản của mình.',
  },
  [ErrorCode.DocumentNotAuthor]: {
    status: 403,
    message: 'Chỉ người soạn thảo phiên bản (hoặc thư ký ISO) được thực hiện thao tác này.',
  },
  [ErrorCode.DocumentNotEffective]: {
    status: 409,
    message: 'Chỉ xác nhận đã đọc được phiên bản đang hiệu lực.',
  },
  [ErrorCode.DocumentAlreadyAcknowledged]: {
    status: 409,
    message: 'Bạn đã xác nhận đã đọc và hiểu phiên bản này.',
  },
  [ErrorCode.DocumentOrgUnitInvalid]: {
    status: 422,
    message: 'Đơn vị chủ trì không thuộc cơ quan của tài liệu.',
  },
  [ErrorCode.DocumentDistributionInvalid]: {
    status: 422,
    message: 'Danh sách phân phối có phòng, ban hoặc người dùng không thuộc cơ quan.',
  },
  [ErrorCode.UploadMissingFile]: { status: 400, message: 'Thiếu tệp tải lên (trường "file").' },
  [ErrorCode.UploadMalformed]: { status: 400, message: 'Yêu cầu tải tệp không đúng định dạng multipart.' },
  [ErrorCode.PdfSourceInvalid]: {
    status: 422,
    message: 'Không đọc được tệp PDF chính (tệp hỏng hoặc được mã hóa) để đóng dấu bản có kiểm soát.',
  },
  [ErrorCode.RecordTypeNotFound]: { status: 404, message: 'Không tìm thấy loại hồ sơ trong danh mục hồ sơ.' },
  [ErrorCode.RecordTypeCodeTaken]: {
    status: 409,
    message: 'Mã loại hồ sơ đã có trong danh mục hồ sơ của cơ quan.',
  },
  [ErrorCode.RecordTypeDocumentInvalid]: {
    status: 422,
    message: 'Quy trình liên quan không phải là tài liệu của cơ quan.',
  },
  [ErrorCode.RecordTypeOrgUnitInvalid]: {
    status: 422,
    message: 'Đơn vị chịu trách nhiệm lưu hồ sơ không thuộc cơ quan.',
  },
  [ErrorCode.RecordNotFound]: { status: 404, message: 'Không tìm thấy hồ sơ.' },
  [ErrorCode.RecordDateInFuture]: { status: 422, message: 'Ngày của hồ sơ không được sau ngày hôm nay.' },
  [ErrorCode.RecordNotActive]: {
    status: 409,
    message: 'Chỉ bổ sung tệp cho hồ sơ đang lưu trữ (chưa đến hạn hủy).',
  },
  [ErrorCode.RecordNotOwner]: {
    status: 403,
    message: 'Chỉ người lập hồ sơ (hoặc thư ký ISO) được bổ sung tệp cho hồ sơ này.',
  },
  [ErrorCode.RecordFileNotFound]: { status: 404, message: 'Không tìm thấy tệp của hồ sơ.' },
  [ErrorCode.RecordDisposed]: {
    status: 409,
    message: 'Hồ sơ đã bị hủy theo biên bản hủy hồ sơ; chỉ còn thông tin lưu vết.',
  },
  [ErrorCode.RecordAlreadyOnHold]: { status: 409, message: 'Hồ sơ đang bị phong tỏa (tạm dừng hủy).' },
  [ErrorCode.RecordNotOnHold]: { status: 409, message: 'Hồ sơ không bị phong tỏa.' },
  [ErrorCode.RecordDisposalInProgress]: {
    status: 409,
    message: 'Hồ sơ thuộc đợt hủy đã được phê duyệt và đang được hủy; không thể phong tỏa.',
  },
  [ErrorCode.DisposalNotFound]: { status: 404, message: 'Không tìm thấy đợt hủy hồ sơ.' },
  [ErrorCode.DisposalRecordsNotEligible]: {
    status: 409,
    message:
      'Có hồ sơ không thể đưa vào đợt hủy: chỉ hồ sơ đã hết thời hạn lưu trữ, không bị phong tỏa và chưa thuộc đợt hủy khác.',
    detailed: disposalRecordsNotEligibleMessage,
  },
  [ErrorCode.DisposalInvalidTransition]: {
    status: 409,
    message: 'Trạng thái hiện tại của đợt hủy không cho phép thao tác này.',
  },
  [ErrorCode.DisposalHasHeldRecords]: {
    status: 409,
    message:
      'Đợt hủy có hồ sơ đang bị phong tỏa; chưa có gì được ký. Hãy gỡ phong tỏa hoặc từ chối đợt hủy này.',
  },
  [ErrorCode.DisposalSelfApproval]: {
    status: 403,
    message: 'Người đề nghị hủy không được tự phê duyệt đợt hủy hồ sơ của mình.',
  },
  [ErrorCode.DisposalMinutesUnavailable]: {
    status: 409,
    message: 'Biên bản hủy hồ sơ chỉ lập được sau khi đợt hủy được phê duyệt.',
  },
  [ErrorCode.NotificationNotFound]: { status: 404, message: 'Không tìm thấy thông báo.' },
  [ErrorCode.StorageObjectNotFound]: { status: 404, message: 'Không tìm thấy tệp.' },
  [ErrorCode.StorageLinkInvalid]: { status: 403, message: 'Đường dẫn tải tệp không hợp lệ hoặc đã hết hạn.' },
  [ErrorCode.JobNotFound]: {
    status: 404,
    message: 'Không có công việc chạy theo lịch với tên này.',
    detailed: (d) =>
      typeof d.name === 'string' && Array.isArray(d.jobs)
        ? `Không có công việc chạy theo lịch tên "${d.name}". Các công việc: ${d.jobs.join(', ')}.`
        : undefined,
  },
  [ErrorCode.JobRunNotFound]: { status: 404, message: 'Không tìm thấy lượt chạy công việc.' },
  [ErrorCode.JobRunNotRetryable]: {
    status: 409,
    message: 'Chỉ chạy lại được lượt chạy đã thất bại mà hàng đợi còn giữ.',
    detailed: (d) =>
      d.outcome === null
        ? 'Lượt chạy này chưa kết thúc: chờ nó xong rồi hãy chạy lại.'
        : d.outcome === 'succeeded'
          ? 'Lượt chạy này đã thành công, không cần chạy lại.'
          : d.outcome === 'failed'
            ? 'Hàng đợi không còn giữ công việc của lượt chạy này (đã bị xóa hoặc đã được chạy lại).'
            : undefined,
  },
  [ErrorCode.QueueDashboardUnavailable]: {
    status: 404,
    message:
      'Bảng theo dõi hàng đợi chỉ có ở hồ sơ services (BullMQ trên Redis). Ở hồ sơ embedded, các công việc ' +
      'chạy ngay trong tiến trình API: xem tình trạng và chạy lại tại GET /api/v1/admin/jobs.',
  },
  // iso clauses (H1)
  // audit programmes and audits (H5)
  // audit findings and report (H6)
  // nonconformities (H2)
  // corrective actions (H3)
};

/** The Vietnamese message of an error: the detailed one when its details allow, else the fixed one. */
export function errorMessageOf(code: ErrorCode, details?: Record<string, unknown>): string {
  const definition = ERROR_CATALOGUE[code];
  return (details && definition.detailed?.(details)) || definition.message;
}
