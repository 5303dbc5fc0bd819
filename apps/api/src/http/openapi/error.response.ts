import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode } from '@eiso/common';
import { ErrorBody } from '../http-exception.filter';

/** One refused field of a 400 VALIDATION_FAILED (validation.pipe.ts `FieldError`). */
export class FieldErrorResponse {
  @ApiProperty({ example: 'effectiveFrom', description: 'Tên trường như đã gửi (lồng nhau: a.b, mục: a.0)' })
  field: string;

  @ApiProperty({ example: 'Ngày hiệu lực', description: 'Tên trường bằng tiếng Việt' })
  label: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['isCalendarDate'],
    description: 'Các quy tắc bị vi phạm; không có khi lỗi do nghiệp vụ kiểm tra',
  })
  rules?: string[];

  @ApiProperty({ example: 'Ngày hiệu lực phải là ngày theo dạng YYYY-MM-DD.' })
  message: string;
}

/** One refused line of a CSV import (AGENCY_IMPORT_INVALID). */
export class RowErrorResponse {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Dòng của tệp' })
  line: number;

  @ApiProperty()
  message: string;
}

/** The one error body (http-exception.filter.ts): every 4xx and 5xx answer has this shape. */
@ApiExtraModels(FieldErrorResponse, RowErrorResponse)
export class ErrorResponse implements ErrorBody {
  @ApiProperty({
    enum: ErrorCode,
    enumName: 'ErrorCode',
    description: 'Mã lỗi, mỗi mã một mã trạng thái HTTP',
  })
  code: ErrorCode;

  @ApiProperty({ description: 'Thông báo tiếng Việt, hiển thị nguyên văn cho người dùng' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    // Open: its keys depend on the code (`lockedUntil`, `maxBytes`, `records`…).
    additionalProperties: true,
    properties: {
      errors: {
        type: 'array',
        items: {
          anyOf: [{ $ref: getSchemaPath(FieldErrorResponse) }, { $ref: getSchemaPath(RowErrorResponse) }],
        },
        description: 'VALIDATION_FAILED: các trường bị từ chối; AGENCY_IMPORT_INVALID: các dòng lỗi',
      },
    },
    description: 'Chi tiết theo từng mã lỗi',
  })
  details?: Record<string, unknown>;

  @ApiProperty({
    example: 'b3c1f0a2-6f1e-4c49-9d55-0f2d7a1e9c11',
    description: 'Mã yêu cầu, như trong X-Request-Id',
  })
  requestId: string;
}
