import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role } from '@eiso/common';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsOptionalNotNull } from '../../http/field-formats';

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptionalNotNull()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Tìm theo họ tên (không phân biệt dấu) hoặc tên đăng nhập' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  q?: string;
}
