import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { FieldLabel } from '../../http/field-labels';
import { IsOptionalNotNull, IsTthcCodes } from '../../http/field-formats';

/**
 * The codes of `a,b` or of the parameter repeated (`?tthcCodes=a&tthcCodes=b,c`), trimmed, empty
 * ones dropped; anything else is left for the validators to refuse.
 */
function splitCodes(value: unknown): unknown {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string')) return value;
  return parts
    .flatMap((p) => p.split(','))
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
}

/** `?tthcCodes=1.000948,1.001234` (or the parameter repeated): the TTHC codes of the declared scope. */
export class ReadinessQueryDto {
  @ApiPropertyOptional({
    type: String,
    example: '1.000948,1.001234',
    description:
      'Mã thủ tục hành chính trong phạm vi công bố, cách nhau bằng dấu phẩy. Bỏ trống: chỉ kiểm tra có quy trình TTHC nào đang có hiệu lực',
  })
  @IsOptionalNotNull()
  @Transform(({ value }) => splitCodes(value))
  @IsTthcCodes()
  @FieldLabel('Phạm vi công bố')
  tthcCodes?: string[];
}
