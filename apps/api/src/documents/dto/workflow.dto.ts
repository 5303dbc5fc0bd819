import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class ReviewDto {
  @ApiProperty({
    enum: ['approve', 'return'],
    description: 'approve: chuyển phê duyệt; return: trả lại dự thảo',
  })
  @IsIn(['approve', 'return'])
  @FieldLabel('Kết quả xem xét')
  decision: 'approve' | 'return';

  @ApiPropertyOptional({ description: 'Ý kiến xem xét (bắt buộc khi trả lại)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class SignDto {
  @ApiProperty({ description: 'Mật khẩu của người ký, nhập lại để xác nhận chữ ký' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class IssueDto {
  @ApiProperty({ description: 'Mật khẩu của thư ký ISO, nhập lại để xác nhận ban hành' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Ngày có hiệu lực (mặc định: hôm nay)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  effectiveFrom?: string;
}

export class ReturnDto {
  @ApiProperty({ description: 'Lý do trả lại' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  @FieldLabel('Lý do trả lại')
  comment: string;
}

export class WithdrawDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiProperty({ description: 'Lý do hủy bỏ' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  @FieldLabel('Lý do hủy bỏ')
  reason: string;
}
