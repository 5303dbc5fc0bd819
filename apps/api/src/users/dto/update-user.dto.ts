import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '@eiso/common';
import { PASSWORD_RULE_MESSAGE } from '@eiso/identity';
import { IsOptionalNotNull, IsOptionalNullable, IsPassword } from '../../http/field-formats';
import { FieldLabel } from '../../http/field-labels';

/** PATCH: only the fields sent change. `null` clears email, position or org unit. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptionalNullable()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptionalNullable()
  @IsUUID()
  orgUnitId?: string | null;

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false: vô hiệu hóa tài khoản' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: `Đặt lại mật khẩu. ${PASSWORD_RULE_MESSAGE}` })
  @IsOptionalNotNull()
  @IsPassword()
  @FieldLabel('Mật khẩu mới')
  password?: string;
}
