import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DisposalState } from '@eiso/records';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class ProposeDisposalDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Hồ sơ đến hạn hủy đưa vào đợt hủy' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  recordIds: string[];

  @ApiPropertyOptional({ description: 'Ghi chú của người đề nghị' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ApproveDisposalDto {
  @ApiProperty({ description: 'Mật khẩu của người phê duyệt, nhập lại để xác nhận chữ ký' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RejectDisposalDto {
  @ApiPropertyOptional({ description: 'Lý do từ chối' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  @FieldLabel('Lý do từ chối')
  reason?: string;
}

export class ListDisposalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DisposalState })
  @IsOptionalNotNull()
  @IsEnum(DisposalState)
  @FieldLabel('Trạng thái đợt hủy')
  state?: DisposalState;
}
