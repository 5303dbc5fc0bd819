import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CorrectiveActionState } from '@eiso/capa';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsCalendarDate, IsNotBlank, IsOptionalNotNull, IsOptionalNullable } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateCorrectiveActionDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Sự không phù hợp cần khắc phục (mỗi sự không phù hợp một phiếu)',
  })
  @IsUUID()
  @FieldLabel('Sự không phù hợp')
  nonconformityId: string;

  @ApiPropertyOptional({
    example: 'Đã trả kết quả cho công dân và xin lỗi bằng văn bản.',
    nullable: true,
    type: String,
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @FieldLabel('Khắc phục tức thời')
  correction?: string | null;

  @ApiPropertyOptional({
    example: 'Chưa có bước kiểm soát thời hạn trong quy trình.',
    nullable: true,
    type: String,
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Nguyên nhân gốc rễ')
  rootCause?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 5,
    description: 'Phân tích 5 tại sao (tối đa 5 câu trả lời)',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @FieldLabel('Phân tích 5 tại sao')
  whys?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Người kiểm tra hiệu lực',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Người kiểm tra hiệu lực')
  verifierId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 730,
    default: 90,
    description: 'Số ngày sau khi hoàn thành hành động cuối cùng thì đến hạn kiểm tra hiệu lực',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(730)
  @FieldLabel('Số ngày chờ kiểm tra hiệu lực')
  verificationDelayDays?: number;
}

export class UpdateCorrectiveActionDto {
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @FieldLabel('Khắc phục tức thời')
  correction?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Nguyên nhân gốc rễ')
  rootCause?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 5 })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @FieldLabel('Phân tích 5 tại sao')
  whys?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: bỏ phân công (chỉ khi phiếu mới mở)',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Người kiểm tra hiệu lực')
  verifierId?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 730 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(730)
  @FieldLabel('Số ngày chờ kiểm tra hiệu lực')
  verificationDelayDays?: number;
}

export class ListCorrectiveActionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CorrectiveActionState, enumName: 'CorrectiveActionState' })
  @IsOptionalNotNull()
  @IsEnum(CorrectiveActionState)
  @FieldLabel('Trạng thái phiếu')
  state?: CorrectiveActionState;

  @ApiPropertyOptional({ description: 'Chỉ phiếu có (true) hoặc không có (false) hành động quá hạn' })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  @FieldLabel('Quá hạn')
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Có hành động do người này thực hiện' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Người thực hiện')
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Người kiểm tra hiệu lực')
  verifierId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Sự không phù hợp')
  nonconformityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị của sự không phù hợp' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đơn vị')
  orgUnitId?: string;
}

export class AddCorrectiveActionTaskDto {
  @ApiProperty({ example: 'Bổ sung bước kiểm tra thời hạn vào quy trình QT-01' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Nội dung hành động')
  description: string;

  @ApiProperty({ format: 'uuid', description: 'Người thực hiện' })
  @IsUUID()
  @FieldLabel('Người thực hiện')
  ownerId: string;

  @ApiProperty({ example: '2027-03-31', description: 'Hạn hoàn thành' })
  @IsCalendarDate()
  @FieldLabel('Hạn hoàn thành')
  dueDate: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Tài liệu cần sửa đổi: phiếu chỉ kết thúc khi tài liệu có phiên bản mới có hiệu lực',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Tài liệu cần sửa đổi')
  documentId?: string | null;
}

export class UpdateCorrectiveActionTaskDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Nội dung hành động')
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Người thực hiện')
  ownerId?: string;

  @ApiPropertyOptional({ example: '2027-03-31' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Hạn hoàn thành')
  dueDate?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: bỏ liên kết tài liệu',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Tài liệu cần sửa đổi')
  documentId?: string | null;
}

export class MarkTaskDoneDto {
  @ApiPropertyOptional({ example: '2027-02-15', description: 'Ngày hoàn thành; mặc định hôm nay' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày hoàn thành')
  doneOn?: string;

  @ApiProperty({ example: 'Đã ban hành QT-01 lần 2, bổ sung bước kiểm tra thời hạn.' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Kết quả thực hiện')
  note: string;
}

export class VerifyCorrectiveActionDto {
  @ApiProperty({ description: 'true: có hiệu lực (kết thúc phiếu); false: chưa có hiệu lực (thực hiện lại)' })
  @IsBoolean()
  @FieldLabel('Kết luận hiệu lực')
  effective: boolean;

  @ApiPropertyOptional({
    example: 'Sau 3 tháng không còn hồ sơ trễ hạn.',
    description: 'Nhận xét; bắt buộc khi kết luận chưa có hiệu lực',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Lý do, nhận xét')
  reason?: string;
}
