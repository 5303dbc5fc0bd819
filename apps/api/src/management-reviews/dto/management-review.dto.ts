import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ManagementReviewState, ReviewActionKind } from '@eiso/management-reviews';
import { PageQueryDto } from '../../http/page-query.dto';
import {
  IsCalendarDate,
  IsNotBlank,
  IsOptionalNotNull,
  IsOptionalNullable,
  IsQueryInt,
  MAX_YEAR,
  MIN_YEAR,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

const TEXT_MAX = 10000;

/** The manual inputs (ISO 9001 9.3.2 items the system cannot count). */
class ManualInputsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Sự thỏa mãn và phản hồi của khách hàng',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Sự thỏa mãn và phản hồi của khách hàng')
  customerFeedback?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Kết quả thực hiện của nhà cung cấp bên ngoài',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Kết quả thực hiện của nhà cung cấp bên ngoài')
  providerPerformance?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Sự thỏa đáng của nguồn lực' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Sự thỏa đáng của nguồn lực')
  resourceAdequacy?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Thay đổi của các vấn đề nội bộ và bên ngoài',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Thay đổi của các vấn đề nội bộ và bên ngoài')
  contextChanges?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Các cơ hội cải tiến' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Các cơ hội cải tiến')
  improvementOpportunities?: string | null;
}

export class CreateManagementReviewDto extends ManualInputsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Xem xét của lãnh đạo năm 2026',
    description: 'Mặc định theo năm kết thúc kỳ',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(300)
  @FieldLabel('Tiêu đề')
  title?: string | null;

  @ApiProperty({ example: '2026-01-01', description: 'Ngày bắt đầu kỳ xem xét' })
  @IsCalendarDate()
  @FieldLabel('Ngày bắt đầu kỳ xem xét')
  periodFrom: string;

  @ApiProperty({ example: '2026-12-31', description: 'Ngày kết thúc kỳ xem xét (kỳ dài tối đa 24 tháng)' })
  @IsCalendarDate()
  @FieldLabel('Ngày kết thúc kỳ xem xét')
  periodTo: string;

  @ApiProperty({ example: '2027-01-15', description: 'Ngày họp' })
  @IsCalendarDate()
  @FieldLabel('Ngày họp')
  meetingDate: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Phòng họp tầng 2' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(300)
  @FieldLabel('Địa điểm')
  place?: string | null;

  @ApiProperty({ format: 'uuid', description: 'Người chủ trì (có quyền ký báo cáo xem xét của lãnh đạo)' })
  @IsUUID()
  @FieldLabel('Người chủ trì')
  chairId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Thành phần tham dự (người dùng của cơ quan)',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Thành phần tham dự')
  attendeeIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Khách mời (ghi tên, chức vụ)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @FieldLabel('Khách mời')
  guests?: string[];
}

export class ConclusionsDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Sự phù hợp của hệ thống quản lý chất lượng',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Kết luận về sự phù hợp')
  suitability?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Sự thỏa đáng' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Kết luận về sự thỏa đáng')
  adequacy?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Hiệu lực' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(TEXT_MAX)
  @FieldLabel('Kết luận về hiệu lực')
  effectiveness?: string | null;
}

export class UpdateManagementReviewDto extends ManualInputsDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  @IsNotBlank()
  @FieldLabel('Tiêu đề')
  title?: string;

  @ApiPropertyOptional({ example: '2027-01-15' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày họp')
  meetingDate?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(300)
  @FieldLabel('Địa điểm')
  place?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Thành phần tham dự')
  attendeeIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Người có mặt tại cuộc họp' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Người có mặt')
  presentIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @FieldLabel('Khách mời')
  guests?: string[];

  @ApiPropertyOptional({ type: ConclusionsDto, description: 'Kết luận (khi đã họp)' })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ConclusionsDto)
  @FieldLabel('Kết luận')
  conclusions?: ConclusionsDto;
}

export class HoldConclusionsDto {
  @ApiProperty({ example: 'Hệ thống quản lý chất lượng phù hợp với chiến lược và bối cảnh của cơ quan.' })
  @IsString()
  @MinLength(3)
  @MaxLength(TEXT_MAX)
  @IsNotBlank()
  @FieldLabel('Kết luận về sự phù hợp')
  suitability: string;

  @ApiProperty({ example: 'Nguồn lực cơ bản đáp ứng yêu cầu.' })
  @IsString()
  @MinLength(3)
  @MaxLength(TEXT_MAX)
  @IsNotBlank()
  @FieldLabel('Kết luận về sự thỏa đáng')
  adequacy: string;

  @ApiProperty({ example: 'Hệ thống vận hành có hiệu lực; cần cải tiến việc giải quyết hồ sơ đúng hạn.' })
  @IsString()
  @MinLength(3)
  @MaxLength(TEXT_MAX)
  @IsNotBlank()
  @FieldLabel('Kết luận về hiệu lực')
  effectiveness: string;
}

export class HoldManagementReviewDto {
  @ApiProperty({ type: HoldConclusionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HoldConclusionsDto)
  @FieldLabel('Kết luận')
  conclusions: HoldConclusionsDto;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Người có mặt; mặc định toàn bộ thành phần',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Người có mặt')
  presentIds?: string[];
}

export class SignMinutesDto {
  @ApiProperty({ description: 'Mật khẩu của người chủ trì, nhập lại để xác nhận chữ ký' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  @FieldLabel('Mật khẩu')
  password: string;
}

export class ListManagementReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2027, description: 'Năm đánh số (năm của ngày họp)' })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ enum: ManagementReviewState, enumName: 'ManagementReviewState' })
  @IsOptionalNotNull()
  @IsEnum(ManagementReviewState)
  @FieldLabel('Trạng thái')
  state?: ManagementReviewState;
}

export class AddReviewActionDto {
  @ApiProperty({ enum: ReviewActionKind, enumName: 'ReviewActionKind', description: '9.3.3 a/b/c' })
  @IsEnum(ReviewActionKind)
  @FieldLabel('Loại quyết định')
  kind: ReviewActionKind;

  @ApiProperty({ example: 'Rà soát quy trình tiếp nhận hồ sơ để giảm hồ sơ trễ hạn' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Nội dung')
  description: string;

  @ApiProperty({ format: 'uuid', description: 'Người thực hiện' })
  @IsUUID()
  @FieldLabel('Người thực hiện')
  ownerId: string;

  @ApiProperty({ example: '2027-06-30' })
  @IsCalendarDate()
  @FieldLabel('Hạn hoàn thành')
  dueDate: string;
}

export class UpdateReviewActionDto {
  @ApiPropertyOptional({ enum: ReviewActionKind, enumName: 'ReviewActionKind' })
  @IsOptionalNotNull()
  @IsEnum(ReviewActionKind)
  @FieldLabel('Loại quyết định')
  kind?: ReviewActionKind;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @IsNotBlank()
  @FieldLabel('Nội dung')
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Người thực hiện')
  ownerId?: string;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Hạn hoàn thành')
  dueDate?: string;
}

export class MarkReviewActionDoneDto {
  @ApiPropertyOptional({ example: '2027-05-20', description: 'Ngày hoàn thành; mặc định hôm nay' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày hoàn thành')
  doneOn?: string;

  @ApiProperty({ example: 'Đã ban hành quy trình sửa đổi.' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Kết quả thực hiện')
  note: string;
}

export class MinutesQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: trước khi ký, tải bản dự thảo (ghi "DỰ THẢO", chưa có chữ ký); đã ký thì luôn là bản đã ký',
  })
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  @FieldLabel('Bản dự thảo')
  draft?: boolean;
}
