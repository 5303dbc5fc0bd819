import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { UpdateOrgUnitInput } from '@eiso/organizations';
import { IsOptionalNotNull, IsOptionalNullable } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** PATCH: only the fields sent change; `null` clears code or parent. */
export class UpdateOrgUnitDto implements UpdateOrgUnitInput {
  @ApiPropertyOptional({ description: 'Tên phòng, ban' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @FieldLabel('Tên phòng, ban')
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mã phòng, ban' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(50)
  @FieldLabel('Mã phòng, ban')
  code?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Phòng, ban cấp trên trong cùng cơ quan',
  })
  @IsOptionalNullable()
  @IsUUID()
  @FieldLabel('Phòng, ban cấp trên')
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'false: ngừng hoạt động phòng, ban' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
