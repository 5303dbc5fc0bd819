import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CreateFindingInput, FindingType, UpdateFindingInput } from '@eiso/audits';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoClause, IsNotBlank, IsOptionalNotNull, IsOptionalNullable } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateAuditFindingDto implements CreateFindingInput {
  @ApiProperty({ enum: FindingType, enumName: 'FindingType', description: 'Loại phát hiện' })
  @IsEnum(FindingType)
  @FieldLabel('Loại phát hiện')
  type: FindingType;

  @ApiProperty({ example: '8.5.1', description: 'Điều khoản (thuộc phạm vi đánh giá, hoặc điều khoản con)' })
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Phòng, ban thuộc phạm vi',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Đơn vị được đánh giá')
  orgUnitId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Câu hỏi kiểm tra dẫn đến phát hiện',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Câu hỏi kiểm tra')
  checklistItemId?: string | null;

  @ApiProperty({ description: 'Nội dung phát hiện' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  @IsNotBlank()
  @FieldLabel('Nội dung phát hiện')
  statement: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Bằng chứng khách quan' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(10000)
  @FieldLabel('Bằng chứng')
  evidence?: string | null;
}

export class UpdateAuditFindingDto implements UpdateFindingInput {
  @ApiPropertyOptional({ enum: FindingType, enumName: 'FindingType' })
  @IsOptionalNotNull()
  @IsEnum(FindingType)
  @FieldLabel('Loại phát hiện')
  type?: FindingType;

  @ApiPropertyOptional({ example: '8.5.1' })
  @IsOptionalNotNull()
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Đơn vị được đánh giá')
  orgUnitId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Câu hỏi kiểm tra')
  checklistItemId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  @IsNotBlank()
  @FieldLabel('Nội dung phát hiện')
  statement?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(10000)
  @FieldLabel('Bằng chứng')
  evidence?: string | null;
}

export class ListAuditFindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FindingType, enumName: 'FindingType' })
  @IsOptionalNotNull()
  @IsEnum(FindingType)
  @FieldLabel('Loại phát hiện')
  type?: FindingType;

  @ApiPropertyOptional({ example: '8.5', description: 'Điều khoản (kể cả các điều khoản con)' })
  @IsOptionalNotNull()
  @IsIsoClause()
  @FieldLabel('Điều khoản')
  clause?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị được đánh giá')
  orgUnitId?: string;
}

export class ReportAuditDto {
  @ApiProperty({ description: 'Kết luận của đoàn đánh giá' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  @IsNotBlank()
  @FieldLabel('Kết luận đánh giá')
  conclusion: string;

  @ApiProperty({ description: 'Mật khẩu của trưởng đoàn đánh giá, nhập lại để xác nhận chữ ký' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}
