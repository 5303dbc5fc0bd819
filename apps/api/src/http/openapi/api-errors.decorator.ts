import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiResponseOptions } from '@nestjs/swagger';
import { ErrorResponse } from './error.response';

/**
 * What each error status means to a client; every status of the error catalogue has one (a
 * test holds it). The codes themselves are the `ErrorCode` enum of the body.
 */
export const ERROR_STATUS_DESCRIPTIONS = {
  400: 'Yêu cầu không hợp lệ (dữ liệu, tham số hoặc định dạng)',
  401: 'Chưa đăng nhập, phiên đã hết hạn hoặc thông tin đăng nhập không đúng',
  403: 'Không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy, hoặc người gọi không được xem',
  409: 'Xung đột với trạng thái hiện tại của dữ liệu',
  412: 'Dữ liệu đã thay đổi kể từ khi đọc (If-Match không khớp hoặc không hợp lệ)',
  413: 'Tệp hoặc dữ liệu gửi lên quá lớn',
  415: 'Định dạng tệp hoặc mã hóa không được hỗ trợ',
  422: 'Dữ liệu đúng hình thức nhưng không thể xử lý theo nghiệp vụ',
  423: 'Tài khoản hoặc chữ ký đang bị khóa tạm thời',
  428: 'Thiếu If-Match (ETag nhận được khi đọc)',
  429: 'Quá nhiều yêu cầu; thử lại sau thời gian trong Retry-After',
  500: 'Hệ thống gặp lỗi ngoài dự kiến',
  503: 'Hệ thống tạm thời chưa sẵn sàng; thử lại sau thời gian trong Retry-After',
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUS_DESCRIPTIONS;

/** The documented response of one error status: its meaning, a note, and the one error body. */
export function errorResponseOf(status: ErrorStatus, note?: string): ApiResponseOptions {
  return {
    status,
    description: [`${ERROR_STATUS_DESCRIPTIONS[status]}.`, note].filter(Boolean).join(' '),
    type: ErrorResponse,
  };
}

/**
 * Documents the error statuses a route really answers, each with the one error body
 * (`ErrorResponse`). 401 and 403 come with `@RequirePermission`, 412 and 428 with the If-Match
 * parameter decorators (http/if-match.ts); 500 and 503 apply to every operation
 * (SERVER_ERROR_RESPONSES). List here the rest: 400, 404, 409, 413, 415, 422, 423, 429.
 */
export const ApiErrors = (...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...statuses.map((status) => ApiResponse(errorResponseOf(status))),
  );

/** Any operation may fail unexpectedly or meet an outage of PostgreSQL, Redis or S3. */
export const SERVER_ERROR_RESPONSES: ApiResponseOptions[] = [errorResponseOf(500), errorResponseOf(503)];
