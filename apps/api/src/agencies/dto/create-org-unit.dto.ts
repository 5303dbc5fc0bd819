import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CreateOrgUnitInput } from '@eiso/organizations';
import { IsOptionalNotNull } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

export class CreateOrgUnitDto implements CreateOrgUnitInput {
  @ApiProperty({
    example: 'Phòng Hành chính - Tổng hợp',
    description: 'Tên phòng, ban (duy nhất trong cơ quan)',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @FieldLabel('Tên phòng, ban')
  name: string;

  @ApiPropertyOptional({ example: 'HCTH', description: 'Mã phòng, ban' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(50)
  @FieldLabel('Mã phòng, ban')
  code?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Phòng, ban cấp trên trong cùng cơ quan' })
  @IsOptionalNotNull()
  @IsUUID()
  @FieldLabel('Phòng, ban cấp trên')
  parentId?: string;
}
