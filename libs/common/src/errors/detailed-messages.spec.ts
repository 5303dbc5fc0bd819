import { ErrorCode } from './error-code';
import { errorMessageOf } from './error-catalogue';

describe('detailed error messages', () => {
  it('tells how many signing tries are left, and when signing locks', () => {
    expect(errorMessageOf(ErrorCode.SignaturePasswordInvalid, { attemptsLeft: 4, lockMinutes: 15 })).toBe(
      'Mật khẩu xác nhận ký không đúng; chưa có gì được ký. Còn 4 lần thử trước khi chức năng ký bị khóa 15 phút.',
    );
    expect(errorMessageOf(ErrorCode.SignaturePasswordInvalid, { attemptsLeft: 1, lockMinutes: 15 })).toBe(
      'Mật khẩu xác nhận ký không đúng; chưa có gì được ký. Chỉ còn 1 lần thử: nếu nhập sai nữa, chức năng ký sẽ bị khóa 15 phút.',
    );
    // Without the count (an older caller), the fixed message.
    expect(errorMessageOf(ErrorCode.SignaturePasswordInvalid, {})).toBe(
      'Mật khẩu xác nhận ký không đúng; chưa có gì được ký.',
    );
  });

  it('names signing, not logging in, as the cause of a signing lock, with its end in Vietnam time', () => {
    const message = errorMessageOf(ErrorCode.SignatureLocked, {
      lockedUntil: '2027-01-10T07:35:00.000Z',
      cause: 'signing',
    });
    expect(message).toBe(
      'Chữ ký bị khóa do nhập sai mật khẩu ký nhiều lần liên tiếp; chưa có gì được ký. ' +
        'Vui lòng thử lại sau 14:35 ngày 10/01/2027. Đăng nhập và các việc khác không bị ảnh hưởng.',
    );
    expect(message).not.toContain('đăng nhập sai');
    expect(errorMessageOf(ErrorCode.SignatureLocked, { lockedUntil: 'không phải ngày' })).toContain(
      'thử lại sau 15 phút',
    );
  });

  it('summarises a refused disposal proposal by reason, or gives the one record its sentence', () => {
    const records = [
      { id: '1', reason: 'on_hold', message: 'Hồ sơ "A" đang bị phong tỏa.' },
      { id: '2', reason: 'not_due', message: 'Hồ sơ "B" chưa đến hạn hủy.' },
      { id: '3', reason: 'not_due', message: 'Hồ sơ "C" chưa đến hạn hủy.' },
      { id: '4', reason: 'not_found', message: 'Không tìm thấy hồ sơ 4.' },
    ];
    expect(errorMessageOf(ErrorCode.DisposalRecordsNotEligible, { records, requested: 5 })).toBe(
      'Có 4 trong số 5 hồ sơ không thể đưa vào đợt hủy: 1 hồ sơ đang bị phong tỏa, 2 hồ sơ chưa đến hạn hủy, ' +
        '1 hồ sơ không tìm thấy trong cơ quan. Lý do của từng hồ sơ được nêu trong phần chi tiết.',
    );
    expect(errorMessageOf(ErrorCode.DisposalRecordsNotEligible, { records: records.slice(1, 3) })).toBe(
      'Có 2 hồ sơ không thể đưa vào đợt hủy: 2 hồ sơ chưa đến hạn hủy. Lý do của từng hồ sơ được nêu trong phần chi tiết.',
    );
    expect(errorMessageOf(ErrorCode.DisposalRecordsNotEligible, { records: [records[0]] })).toBe(
      'Hồ sơ "A" đang bị phong tỏa.',
    );
    // A lost race has no per-record details: the fixed message.
    expect(errorMessageOf(ErrorCode.DisposalRecordsNotEligible, {})).toContain(
      'chỉ hồ sơ đã hết thời hạn lưu trữ',
    );
  });
});

describe('messages of refused requests', () => {
  it('412 says the data changed since it was opened, without blaming anyone', () => {
    const stale = errorMessageOf(ErrorCode.PreconditionFailed, { currentVersion: 3 });
    expect(stale).toBe('Dữ liệu đã thay đổi kể từ khi bạn mở. Vui lòng tải lại bản mới nhất rồi sửa tiếp.');
    expect(stale).not.toMatch(/người khác/);
    expect(errorMessageOf(ErrorCode.PreconditionFailed, { ifMatch: 'abc' })).toMatch(
      /^Tiêu đề If-Match không phải ETag của một phiên bản/,
    );
  });

  it('415 lists the formats accepted and names what was sent', () => {
    expect(
      errorMessageOf(ErrorCode.UnsupportedMediaType, {
        accepted: ['PDF', 'DOCX'],
        detected: 'tệp chương trình (EXE)',
      }),
    ).toBe('Định dạng tệp không được hỗ trợ: chỉ nhận tệp PDF, DOCX. Tệp gửi lên là tệp chương trình (EXE).');
    expect(errorMessageOf(ErrorCode.UnsupportedMediaType, { accepted: ['CSV'] })).toBe(
      'Định dạng tệp không được hỗ trợ: chỉ nhận tệp CSV.',
    );
    // Without the list, the fixed message stands.
    expect(errorMessageOf(ErrorCode.UnsupportedMediaType, { accepted: [] })).toBe(
      'Định dạng tệp không được hỗ trợ.',
    );
  });
});

describe('the message of a refused form', () => {
  it("repeats the one field's message, or names the fields by label", () => {
    expect(
      errorMessageOf(ErrorCode.ValidationFailed, {
        errors: [
          { field: 'effectiveFrom', label: 'Ngày hiệu lực', message: 'Ngày hiệu lực phải là ngày có thật.' },
        ],
      }),
    ).toBe('Dữ liệu gửi lên không hợp lệ — Ngày hiệu lực phải là ngày có thật.');
    expect(
      errorMessageOf(ErrorCode.ValidationFailed, {
        errors: [
          { field: 'password', label: 'Mật khẩu', message: 'x' },
          { field: 'effectiveFrom', label: 'Ngày hiệu lực', message: 'y' },
        ],
      }),
    ).toBe('Dữ liệu gửi lên không hợp lệ ở 2 chỗ: Mật khẩu; Ngày hiệu lực. Xem chi tiết từng trường.');
    expect(errorMessageOf(ErrorCode.ValidationFailed, { reason: 'x' })).toBe('Dữ liệu gửi lên không hợp lệ.');
  });
});
