import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AuditPlanInput, AuditState, UpdateAuditInput } from '@eiso/audits';
import {
  IsCalendarDate,
  IsIsoClauses,
  IsNotBlank,
  IsOptionalNotNull,
  IsOptionalNullable,
  IsQueryInt,
  MAX_YEAR,
  MIN_YEAR,
} from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';
import { PageQueryDto } from '../../http/page-query.dto';

export class CreateAuditDto implements AuditPlanInput {
  @ApiProperty({ format: 'uuid', description: 'Chương trình đánh giá của năm' })
  @IsUUID()
  @FieldLabel('Chương trình đánh giá')
  programmeId: string;

  @ApiProperty({ example: 'Đánh giá nội bộ đợt 1 năm 2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tên cuộc đánh giá')
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Mặc định: mục tiêu của chương trình' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mục tiêu đánh giá')
  objectives?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Mặc định: chuẩn mực của chương trình' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Chuẩn mực đánh giá')
  criteria?: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Phòng, ban được đánh giá' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @FieldLabel('Phòng, ban được đánh giá')
  orgUnitIds: string[];

  @ApiProperty({
    type: [String],
    example: ['7.5', '8.5.1'],
    description: 'Điều khoản TCVN ISO 9001 được đánh giá',
  })
  @IsIsoClauses()
  @FieldLabel('Điều khoản được đánh giá')
  clauses: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Quy trình giải quyết TTHC đang hiệu lực' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Quy trình giải quyết TTHC được đánh giá')
  procedureDocumentIds: string[];

  @ApiProperty({ example: '2027-03-10' })
  @IsCalendarDate()
  @FieldLabel('Ngày bắt đầu đánh giá')
  startDate: string;

  @ApiProperty({ example: '2027-03-12' })
  @IsCalendarDate()
  @FieldLabel('Ngày kết thúc đánh giá')
  endDate: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  @FieldLabel('Trưởng đoàn đánh giá')
  leadAuditorId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  @FieldLabel('Thành viên đoàn đánh giá')
  teamIds: string[];
}

export class UpdateAuditDto implements UpdateAuditInput {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @IsNotBlank()
  @FieldLabel('Tên cuộc đánh giá')
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Mục tiêu đánh giá')
  objectives?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @IsNotBlank()
  @FieldLabel('Chuẩn mực đánh giá')
  criteria?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @FieldLabel('Phòng, ban được đánh giá')
  orgUnitIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsIsoClauses()
  @FieldLabel('Điều khoản được đánh giá')
  clauses?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @FieldLabel('Quy trình giải quyết TTHC được đánh giá')
  procedureDocumentIds?: string[];

  @ApiPropertyOptional({ example: '2027-03-10' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày bắt đầu đánh giá')
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-03-12' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @FieldLabel('Ngày kết thúc đánh giá')
  endDate?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Trưởng đoàn đánh giá')
  leadAuditorId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  @FieldLabel('Thành viên đoàn đánh giá')
  teamIds?: string[];
}

export class ListAuditsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2027 })
  @IsOptionalNotNull()
  @IsQueryInt(MIN_YEAR, MAX_YEAR)
  @FieldLabel('Năm')
  year?: number;

  @ApiPropertyOptional({ enum: AuditState, enumName: 'AuditState' })
  @IsOptionalNotNull()
  @IsEnum(AuditState)
  @FieldLabel('Trạng thái cuộc đánh giá')
  state?: AuditState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Chương trình đánh giá')
  programmeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Phòng, ban trong phạm vi đánh giá' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Phòng, ban được đánh giá')
  orgUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Trưởng đoàn hoặc thành viên đoàn đánh giá' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Đánh giá viên')
  auditorId?: string;
}
