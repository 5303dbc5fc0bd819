import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role } from '@eiso/common';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Tìm theo họ tên (không phân biệt dấu) hoặc tên đăng nhập' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
