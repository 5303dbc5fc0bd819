import type { components } from './schema';

export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = components['schemas']['FieldErrorResponse'];
type ErrorBody = components['schemas']['ErrorResponse'];

/** A refusal of the API: its machine-readable code and the Vietnamese message to show as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The fields the server named (VALIDATION_FAILED and business checks on one field). */
  get fieldErrors(): FieldError[] {
    const errors = this.details.errors;
    if (!Array.isArray(errors)) return [];
    return errors.filter((e): e is FieldError => typeof e === 'object' && e !== null && 'field' in e);
  }

  static async from(response: Response, body?: unknown): Promise<ApiError> {
    let parsed = body;
    if (parsed === undefined) {
      try {
        parsed = await response.clone().json();
      } catch {
        parsed = undefined;
      }
    }
    if (isErrorBody(parsed)) {
      return new ApiError(
        response.status,
        parsed.code,
        parsed.message,
        parsed.details ?? {},
        parsed.requestId,
      );
    }
    return new ApiError(
      response.status,
      'NETWORK_ERROR',
      `Máy chủ trả lời không như mong đợi (mã ${response.status}). Vui lòng thử lại sau.`,
    );
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(
      0,
      'NETWORK_ERROR',
      'Không kết nối được máy chủ eISO. Kiểm tra mạng rồi thử lại.',
    );
    error.cause = cause;
    return error;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'message' in body;
}

/** The message to show for any error a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Đã có lỗi không mong đợi. Vui lòng tải lại trang.';
}
