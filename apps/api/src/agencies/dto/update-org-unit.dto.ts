import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { UpdateOrgUnitInput } from '@eiso/organizations';

/** PATCH: only the fields sent change; `null` clears code or parent. */
export class UpdateOrgUnitDto implements UpdateOrgUnitInput {
  @ApiPropertyOptional({ description: 'Tên phòng, ban' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Mã phòng, ban' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(50)
  code?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Phòng, ban cấp trên trong cùng cơ quan',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'false: ngừng hoạt động phòng, ban' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
