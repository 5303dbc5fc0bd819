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
  [ErrorCode.AgencyRestructureInvalid]: {
    status: 422,
    message: 'Yêu cầu sắp xếp lại cơ quan không hợp lệ.',
    detailed: detailedMessage,
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
  [ErrorCode.IsoEditionNotFound]: {
    status: 404,
    message: 'Không tìm thấy phiên bản tiêu chuẩn ISO 9001 yêu cầu.',
    detailed: (d) =>
      typeof d.edition === 'string'
        ? `Không tìm thấy phiên bản tiêu chuẩn "${d.edition}". Xem danh sách tại /api/v1/iso-clauses/editions.`
        : d.current
          ? 'Chưa có phiên bản tiêu chuẩn ISO 9001 nào được đánh dấu là hiện hành; hãy nạp danh mục điều khoản.'
          : undefined,
  },
  // audit programmes and audits (H5)
  [ErrorCode.AuditProgrammeNotFound]: {
    status: 404,
    message: 'Không tìm thấy chương trình đánh giá nội bộ.',
  },
  [ErrorCode.AuditProgrammeYearTaken]: {
    status: 409,
    message: 'Cơ quan đã có chương trình đánh giá nội bộ của năm này.',
    detailed: (d) =>
      typeof d.year === 'number'
        ? `Cơ quan đã có chương trình đánh giá nội bộ năm ${d.year}; mỗi năm chỉ có một chương trình, hãy cập nhật chương trình đó.`
        : undefined,
  },
  [ErrorCode.AuditOrgUnitInvalid]: {
    status: 422,
    message: 'Có phòng, ban không thuộc cơ quan hoặc đã ngừng hoạt động.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditNotFound]: { status: 404, message: 'Không tìm thấy cuộc đánh giá nội bộ.' },
  [ErrorCode.AuditInvalidTransition]: {
    status: 409,
    message: 'Trạng thái hiện tại của cuộc đánh giá không cho phép thao tác này.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditScopeEmpty]: {
    status: 422,
    message:
      'Phạm vi đánh giá cần có ít nhất một điều khoản của tiêu chuẩn hoặc một quy trình giải quyết TTHC (chỉ chọn phòng, ban thì danh mục kiểm tra trống).',
  },
  [ErrorCode.AuditClauseUnknown]: {
    status: 422,
    message: 'Có điều khoản không thuộc phiên bản tiêu chuẩn của chương trình đánh giá.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditProcedureNotInForce]: {
    status: 422,
    message: 'Có quy trình giải quyết TTHC không thuộc cơ quan hoặc không có phiên bản đang hiệu lực.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditDatesInvalid]: {
    status: 422,
    message: 'Ngày kết thúc đánh giá phải từ ngày bắt đầu trở đi và thuộc năm của chương trình đánh giá.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditAuditorNotEligible]: {
    status: 422,
    message:
      'Trưởng đoàn và thành viên đoàn đánh giá phải là người dùng đang hoạt động của cơ quan có vai trò Đánh giá viên nội bộ.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditAuditorNotIndependent]: {
    status: 422,
    message:
      'Đánh giá viên không được đánh giá phòng, ban của chính mình, đơn vị cấp trên hoặc cấp dưới của mình.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditNotEditable]: {
    status: 409,
    message: 'Chỉ sửa được kế hoạch của cuộc đánh giá chưa bắt đầu.',
  },
  [ErrorCode.AuditPlanAlreadyIssued]: { status: 409, message: 'Kế hoạch đánh giá đã được ban hành.' },
  [ErrorCode.AuditPlanNotIssued]: {
    status: 409,
    message: 'Kế hoạch đánh giá chưa được ban hành; hãy ban hành kế hoạch trước khi bắt đầu đánh giá.',
  },
  [ErrorCode.AuditNotLeadAuditor]: {
    status: 403,
    message: 'Chỉ trưởng đoàn đánh giá được thực hiện thao tác này.',
  },
  [ErrorCode.AuditNotTeamMember]: {
    status: 403,
    message: 'Chỉ trưởng đoàn và thành viên đoàn đánh giá được thực hiện thao tác này.',
  },
  [ErrorCode.AuditNotInProgress]: {
    status: 409,
    message: 'Chỉ thực hiện được khi cuộc đánh giá đang diễn ra.',
  },
  [ErrorCode.AuditChecklistItemNotFound]: {
    status: 404,
    message: 'Không tìm thấy câu hỏi trong danh mục kiểm tra.',
  },
  [ErrorCode.AuditChecklistFileNotFound]: {
    status: 404,
    message: 'Không tìm thấy tệp bằng chứng của câu hỏi kiểm tra.',
  },
  // audit findings and report (H6)
  [ErrorCode.AuditFindingNotFound]: { status: 404, message: 'Không tìm thấy phát hiện đánh giá.' },
  [ErrorCode.AuditFindingFileNotFound]: {
    status: 404,
    message: 'Không tìm thấy tệp bằng chứng của phát hiện đánh giá.',
  },
  [ErrorCode.AuditFindingClauseInvalid]: {
    status: 422,
    message: 'Điều khoản của phát hiện phải thuộc phạm vi của cuộc đánh giá.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditFindingOrgUnitOutOfScope]: {
    status: 422,
    message: 'Đơn vị của phát hiện phải là một phòng, ban thuộc phạm vi của cuộc đánh giá.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditFindingChecklistItemInvalid]: {
    status: 422,
    message: 'Câu hỏi kiểm tra được dẫn chiếu không thuộc danh mục kiểm tra của cuộc đánh giá này.',
  },
  [ErrorCode.AuditChecklistUnanswered]: {
    status: 422,
    message: 'Còn câu hỏi trong danh mục kiểm tra chưa được trả lời; chưa có gì được ký.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditReportUnavailable]: {
    status: 409,
    message: 'Báo cáo đánh giá chỉ có sau khi trưởng đoàn đánh giá ký báo cáo.',
  },
  [ErrorCode.AuditNonconformitiesOpen]: {
    status: 422,
    message:
      'Chưa kết thúc được cuộc đánh giá: còn sự không phù hợp chưa có hành động khắc phục ở bước kiểm tra hiệu lực hoặc đã kết thúc.',
    detailed: detailedMessage,
  },
  [ErrorCode.AuditCloseNotAllowed]: {
    status: 403,
    message: 'Chỉ trưởng đoàn đánh giá hoặc Thư ký ISO của cơ quan được kết thúc cuộc đánh giá.',
  },
  // nonconformities (H2)
  [ErrorCode.NonconformityNotFound]: { status: 404, message: 'Không tìm thấy sự không phù hợp.' },
  [ErrorCode.NonconformitySourceNotAllowed]: {
    status: 422,
    message:
      'Sự không phù hợp từ đánh giá nội bộ chỉ được ghi nhận khi lập báo cáo đánh giá, từ các phát hiện của cuộc đánh giá.',
  },
  [ErrorCode.NonconformitySourceDetailsMissing]: {
    status: 422,
    message: 'Thiếu thông tin về nguồn phát hiện sự không phù hợp.',
    detailed: (d) =>
      Array.isArray(d.missing) && d.missing.length
        ? `Thiếu thông tin về nguồn phát hiện sự không phù hợp: ${d.missing.join(', ')}.`
        : undefined,
  },
  [ErrorCode.NonconformityClauseUnknown]: {
    status: 422,
    message: 'Điều khoản không có trong phiên bản tiêu chuẩn đang áp dụng.',
    detailed: (d) =>
      typeof d.clause === 'string' && typeof d.edition === 'string'
        ? `Điều khoản ${d.clause} không có trong tiêu chuẩn ${d.edition}.`
        : undefined,
  },
  [ErrorCode.NonconformityOrgUnitInvalid]: {
    status: 422,
    message: 'Đơn vị không thuộc cơ quan hoặc đã ngừng hoạt động.',
  },
  [ErrorCode.NonconformityDetectedInFuture]: {
    status: 422,
    message: 'Ngày phát hiện sự không phù hợp không được sau ngày hôm nay.',
  },
  [ErrorCode.NonconformityDetectedTooEarly]: {
    status: 422,
    message: 'Ngày phát hiện sự không phù hợp không được trước ngày 01 tháng 01 của năm trước.',
    detailed: detailedMessage,
  },
  [ErrorCode.NonconformityLateDossierExists]: {
    status: 409,
    message: 'Hồ sơ TTHC trễ hạn này đã được ghi nhận là sự không phù hợp.',
    detailed: (d) =>
      typeof d.dossierNumber === 'string' && typeof d.number === 'string'
        ? `Hồ sơ TTHC ${d.dossierNumber} đã được ghi nhận là sự không phù hợp số ${d.number}.`
        : undefined,
  },
  [ErrorCode.NonconformityClosed]: {
    status: 409,
    message: 'Sự không phù hợp đã kết thúc (hành động khắc phục đã được kiểm tra hiệu lực); không thể sửa.',
  },
  [ErrorCode.NonconformityFindingGradeFixed]: {
    status: 422,
    message:
      'Sự không phù hợp từ đánh giá nội bộ giữ mức độ, điều khoản và đơn vị của phát hiện đánh giá; chỉ sửa được tiêu đề và mô tả.',
  },
  [ErrorCode.NonconformitySummaryWindowInvalid]: {
    status: 422,
    message: 'Khoảng thời gian thống kê không hợp lệ: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
  },
  // corrective actions (H3)
  [ErrorCode.CorrectiveActionNotFound]: {
    status: 404,
    message: 'Không tìm thấy phiếu yêu cầu hành động khắc phục.',
  },
  [ErrorCode.CorrectiveActionTaskNotFound]: {
    status: 404,
    message: 'Không tìm thấy hành động trong phiếu yêu cầu hành động khắc phục.',
  },
  [ErrorCode.CorrectiveActionFileNotFound]: {
    status: 404,
    message: 'Không tìm thấy tệp bằng chứng của hành động.',
  },
  [ErrorCode.CorrectiveActionExists]: {
    status: 409,
    message:
      'Sự không phù hợp này đã có phiếu yêu cầu hành động khắc phục; mỗi sự không phù hợp chỉ có một phiếu.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionNonconformityClosed]: {
    status: 409,
    message: 'Sự không phù hợp đã kết thúc; không lập thêm phiếu yêu cầu hành động khắc phục.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionInvalidTransition]: {
    status: 409,
    message: 'Trạng thái hiện tại của phiếu yêu cầu hành động khắc phục không cho phép thao tác này.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionClosed]: {
    status: 409,
    message: 'Phiếu yêu cầu hành động khắc phục đã kết thúc; không sửa được nữa.',
  },
  [ErrorCode.CorrectiveActionActionsLocked]: {
    status: 409,
    message:
      'Chỉ thêm, sửa hoặc xóa hành động khi phiếu đang mở, đã lập kế hoạch hoặc đang thực hiện (không khi đang kiểm tra hiệu lực hay đã kết thúc).',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionTaskDone]: {
    status: 409,
    message: 'Hành động đã hoàn thành; không sửa, xóa hay bổ sung tệp được nữa.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionTaskPastRound]: {
    status: 409,
    message:
      'Hành động thuộc lần thực hiện trước đã được kiểm tra hiệu lực; chỉ thay đổi được hành động của lần hiện tại.',
  },
  [ErrorCode.CorrectiveActionTaskHasFiles]: {
    status: 409,
    message: 'Hành động đã có tệp bằng chứng; hãy xóa các tệp trước khi xóa hành động.',
  },
  [ErrorCode.CorrectiveActionPlanIncomplete]: {
    status: 422,
    message:
      'Kế hoạch hành động khắc phục chưa đủ: cần nguyên nhân gốc rễ, ít nhất một hành động và người kiểm tra hiệu lực.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionVerifierNotEligible]: {
    status: 422,
    message:
      'Người kiểm tra hiệu lực phải là người dùng đang hoạt động của cơ quan, có vai trò đánh giá viên nội bộ, thư ký ISO hoặc lãnh đạo phê duyệt.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionOwnerNotEligible]: {
    status: 422,
    message:
      'Người thực hiện hành động phải là người dùng đang hoạt động của cơ quan, có quyền thực hiện hành động khắc phục.',
  },
  [ErrorCode.CorrectiveActionDocumentInvalid]: {
    status: 422,
    message: 'Tài liệu liên quan không phải là tài liệu của cơ quan.',
  },
  [ErrorCode.CorrectiveActionDueDatePast]: {
    status: 422,
    message: 'Hạn hoàn thành hành động không được trước ngày hôm nay.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionNotActionOwner]: {
    status: 403,
    message: 'Chỉ người được giao thực hiện hành động này mới được báo cáo hoàn thành.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionNotInProgress]: {
    status: 409,
    message: 'Chỉ báo cáo hoàn thành hành động khi phiếu yêu cầu hành động khắc phục đang thực hiện.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionDoneDateInvalid]: {
    status: 422,
    message: 'Ngày hoàn thành không được sau ngày hôm nay hoặc trước ngày giao hành động.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionNotVerifier]: {
    status: 403,
    message: 'Chỉ người được phân công kiểm tra hiệu lực của phiếu này mới được ghi kết quả kiểm tra.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionSelfVerification]: {
    status: 422,
    message: 'Người kiểm tra hiệu lực không được là người thực hiện bất kỳ hành động nào của phiếu.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionVerificationTooEarly]: {
    status: 422,
    message: 'Chưa đến hạn kiểm tra hiệu lực; chưa thể kết luận hành động khắc phục có hiệu lực.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionDocumentNotRevised]: {
    status: 422,
    message: 'Tài liệu liên quan chưa có phiên bản mới có hiệu lực; chưa thể kết thúc phiếu.',
    detailed: detailedMessage,
  },
  [ErrorCode.CorrectiveActionReasonRequired]: {
    status: 422,
    message: 'Cần nêu lý do khi kết luận hành động khắc phục chưa có hiệu lực.',
  },
  [ErrorCode.CorrectiveActionDelayLocked]: {
    status: 422,
    message: 'Đang chờ kiểm tra hiệu lực: không được rút ngắn thời gian chờ kiểm tra.',
    detailed: detailedMessage,
  },
  // --- objectives ---
  [ErrorCode.ObjectiveNotFound]: { status: 404, message: 'Không tìm thấy mục tiêu chất lượng.' },
  [ErrorCode.ObjectiveMeasurementNotFound]: {
    status: 404,
    message: 'Không tìm thấy số liệu đo của mục tiêu chất lượng.',
  },
  [ErrorCode.ObjectiveFileNotFound]: {
    status: 404,
    message: 'Không tìm thấy tệp bằng chứng của số liệu đo.',
  },
  [ErrorCode.ObjectiveWithdrawn]: {
    status: 409,
    message: 'Mục tiêu chất lượng đã bị hủy bỏ: không sửa được mục tiêu và số liệu của nó.',
  },
  [ErrorCode.ObjectiveHasMeasurements]: {
    status: 409,
    message: 'Mục tiêu đã có số liệu đo: không được đổi năm hoặc tần suất đo.',
  },
  [ErrorCode.ObjectiveOrgUnitInvalid]: {
    status: 422,
    message: 'Đơn vị chủ trì phải là một đơn vị đang hoạt động của cơ quan.',
  },
  [ErrorCode.ObjectiveNotOwnerUnit]: {
    status: 403,
    message: 'Chỉ đơn vị chủ trì mục tiêu (hoặc người quản lý mục tiêu) mới được nhập số liệu.',
  },
  [ErrorCode.ObjectivePeriodInvalid]: {
    status: 422,
    message: 'Kỳ đo không hợp lệ với tần suất đo và năm của mục tiêu.',
    detailed: detailedMessage,
  },
  [ErrorCode.ObjectivePeriodInFuture]: {
    status: 422,
    message: 'Kỳ đo chưa bắt đầu: không nhập số liệu cho kỳ trong tương lai.',
    detailed: detailedMessage,
  },
  [ErrorCode.ObjectiveMeasurementExists]: {
    status: 409,
    message: 'Kỳ đo này đã có số liệu; hãy sửa số liệu đã nhập.',
    detailed: detailedMessage,
  },
  [ErrorCode.ObjectiveImportInvalid]: {
    status: 422,
    message: 'Tệp số liệu có dòng không hợp lệ; chưa nhập dòng nào.',
  },
  [ErrorCode.ObjectiveNoLateDossiers]: {
    status: 422,
    message: 'Kỳ đo này không có hồ sơ trễ hạn: không có sự không phù hợp để ghi nhận.',
  },
  [ErrorCode.ObjectiveNonconformityExists]: {
    status: 409,
    message: 'Đã ghi nhận sự không phù hợp cho hồ sơ trễ hạn của kỳ đo này.',
    detailed: detailedMessage,
  },
  [ErrorCode.ObjectiveRaiseForbidden]: {
    status: 403,
    message: 'Bạn không có quyền ghi nhận sự không phù hợp.',
  },
  // --- risks ---
  [ErrorCode.RiskNotFound]: { status: 404, message: 'Không tìm thấy rủi ro hoặc cơ hội.' },
  [ErrorCode.RiskClosed]: {
    status: 409,
    message: 'Rủi ro hoặc cơ hội đã đóng: hãy mở lại trước khi sửa hoặc đánh giá lại.',
  },
  [ErrorCode.RiskNotClosed]: { status: 409, message: 'Rủi ro hoặc cơ hội đang mở: không cần mở lại.' },
  [ErrorCode.RiskScoreInvalid]: {
    status: 422,
    message: 'Khả năng xảy ra và mức độ ảnh hưởng phải là số nguyên từ 1 đến 5.',
    detailed: detailedMessage,
  },
  [ErrorCode.RiskOrgUnitInvalid]: {
    status: 422,
    message: 'Đơn vị chủ trì phải là một đơn vị đang hoạt động của cơ quan.',
  },
  [ErrorCode.RiskOwnerUserInvalid]: {
    status: 422,
    message:
      'Người phụ trách phải là một tài khoản đang hoạt động thuộc đơn vị chủ trì, có quyền quản lý rủi ro và cơ hội.',
  },
  [ErrorCode.RiskReviewDateInPast]: {
    status: 422,
    message: 'Ngày xem xét lại không được trước ngày hôm nay.',
    detailed: detailedMessage,
  },
  [ErrorCode.RiskNotOwnerUnit]: {
    status: 403,
    message:
      'Chỉ lãnh đạo đơn vị chủ trì (hoặc thủ trưởng, thư ký ISO) mới được ghi nhận, sửa, đánh giá lại hay đóng rủi ro, cơ hội này.',
  },
  // --- management reviews ---
  [ErrorCode.ManagementReviewNotFound]: { status: 404, message: 'Không tìm thấy kỳ xem xét của lãnh đạo.' },
  [ErrorCode.ManagementReviewPeriodInvalid]: {
    status: 422,
    message: 'Kỳ xem xét không hợp lệ: ngày bắt đầu phải không sau ngày kết thúc và kỳ dài tối đa 24 tháng.',
    detailed: detailedMessage,
  },
  [ErrorCode.ManagementReviewChairInvalid]: {
    status: 422,
    message:
      'Người chủ trì phải là người dùng đang hoạt động của cơ quan, có quyền ký báo cáo xem xét của lãnh đạo.',
  },
  [ErrorCode.ManagementReviewAttendeesInvalid]: {
    status: 422,
    message: 'Thành phần tham dự phải là người dùng của cơ quan.',
    detailed: detailedMessage,
  },
  [ErrorCode.ManagementReviewMeetingDateInvalid]: {
    status: 422,
    message: 'Ngày họp xem xét phải trong khoảng từ năm 2000 đến năm 2100.',
  },
  [ErrorCode.ConformityDeclarationNotFound]: { status: 404, message: 'Không tìm thấy quyết định công bố.' },
  [ErrorCode.ConformityDeclarationStateInvalid]: {
    status: 409,
    message: 'Trạng thái của quyết định công bố không cho phép thao tác này.',
    detailed: detailedMessage,
  },
  [ErrorCode.ConformityDeclarationDraftExists]: {
    status: 409,
    message: 'Cơ quan đang có một dự thảo quyết định công bố chưa ký; hãy hoàn thiện hoặc hủy dự thảo đó.',
  },
  [ErrorCode.ConformityDeclarationKindInvalid]: {
    status: 422,
    message: 'Loại công bố không phù hợp.',
    detailed: detailedMessage,
  },
  [ErrorCode.ConformityNotReady]: {
    status: 422,
    message: 'Cơ quan chưa đủ điều kiện công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015.',
    detailed: detailedMessage,
  },
  [ErrorCode.ConformityDeclarationPdfUnavailable]: {
    status: 409,
    message: 'Quyết định công bố chưa được ký nên chưa có bản PDF.',
  },
  // --- content and search ---
  [ErrorCode.SearchQueryEmpty]: {
    status: 400,
    message: 'Từ khóa tìm kiếm phải có ít nhất một chữ hoặc chữ số.',
  },
  [ErrorCode.FileContentNotTracked]: {
    status: 409,
    message: 'Tệp này không được chuyển sang PDF hay đọc nội dung để tìm kiếm.',
  },
  [ErrorCode.ManagementReviewStateInvalid]: {
    status: 409,
    message: 'Trạng thái của kỳ xem xét không cho phép thao tác này.',
    detailed: detailedMessage,
  },
  [ErrorCode.ManagementReviewInputsFrozen]: {
    status: 409,
    message: 'Cuộc họp xem xét đã diễn ra: đầu vào đã được chốt, không tổng hợp lại được nữa.',
  },
  [ErrorCode.ManagementReviewSigned]: {
    status: 409,
    message: 'Báo cáo xem xét của lãnh đạo đã được ký; không thể sửa kỳ xem xét.',
  },
  [ErrorCode.ManagementReviewNotChair]: {
    status: 403,
    message: 'Chỉ người chủ trì kỳ xem xét được ký báo cáo xem xét của lãnh đạo.',
  },
  [ErrorCode.ManagementReviewConclusionsMissing]: {
    status: 422,
    message:
      'Cần ghi kết luận về sự phù hợp, thỏa đáng và hiệu lực của hệ thống quản lý chất lượng trước khi chốt cuộc họp.',
    detailed: detailedMessage,
  },
  [ErrorCode.ManagementReviewMinutesUnavailable]: {
    status: 409,
    message: 'Báo cáo xem xét của lãnh đạo chưa được ký.',
  },
  [ErrorCode.ManagementReviewActionsNotYet]: {
    status: 409,
    message: 'Quyết định và hành động chỉ được ghi sau khi đã họp xem xét.',
  },
  [ErrorCode.ManagementReviewActionNotFound]: {
    status: 404,
    message: 'Không tìm thấy quyết định, hành động của kỳ xem xét.',
  },
  [ErrorCode.ManagementReviewActionOwnerInvalid]: {
    status: 422,
    message:
      'Người thực hiện phải là người dùng đang hoạt động của cơ quan, có quyền xem kỳ xem xét của lãnh đạo (trưởng đơn vị, lãnh đạo, thư ký ISO hoặc đánh giá viên).',
  },
  [ErrorCode.ManagementReviewActionDone]: {
    status: 409,
    message: 'Hành động đã hoàn thành; không thể sửa.',
  },
  [ErrorCode.ManagementReviewNotActionOwner]: {
    status: 403,
    message: 'Chỉ người thực hiện hoặc người quản lý kỳ xem xét được cập nhật hành động này.',
  },
  [ErrorCode.ManagementReviewFileNotFound]: {
    status: 404,
    message: 'Không tìm thấy tệp bằng chứng của hành động.',
  },
};

/** The sentence a service built for this refusal (details.message), when it built one. */
function detailedMessage(details: Record<string, unknown>): string | undefined {
  return typeof details.message === 'string' ? details.message : undefined;
}

/** The Vietnamese message of an error: the detailed one when its details allow, else the fixed one. */
export function errorMessageOf(code: ErrorCode, details?: Record<string, unknown>): string {
  const definition = ERROR_CATALOGUE[code];
  return (details && definition.detailed?.(details)) || definition.message;
}
