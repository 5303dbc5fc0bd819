import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { AnswerChecklistItemInput, ChecklistAnswer } from '@eiso/audits';
import { IsOptionalNullable } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class AnswerChecklistItemDto implements AnswerChecklistItemInput {
  @ApiPropertyOptional({ enum: ChecklistAnswer, enumName: 'ChecklistAnswer', nullable: true })
  @IsOptionalNullable()
  @IsEnum(ChecklistAnswer)
  @FieldLabel('Kết quả kiểm tra')
  answer?: ChecklistAnswer | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Ghi chép của đánh giá viên' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(10000)
  @FieldLabel('Ghi chép')
  notes?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '000.00.12.H34-270301-0001; 000.00.12.H34-270302-0004',
    description: 'Mẫu kiểm tra: số hồ sơ đã xem',
  })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(5000)
  @FieldLabel('Mẫu kiểm tra')
  sample?: string | null;
}
