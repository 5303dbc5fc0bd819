import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '@eiso/common';
import { PASSWORD_RULE_MESSAGE } from '@eiso/identity';
import { IsOptionalNotNull, IsPassword, IsUsername } from '../../http/field-formats';

export class CreateUserDto {
  @ApiProperty({ example: 'nguyenvana', description: 'Tên đăng nhập: chữ không dấu, số, dấu chấm, gạch' })
  @IsUsername()
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn A', description: 'Họ và tên' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: 'nguyenvana@kontum.gov.vn' })
  @IsOptionalNotNull()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'Trưởng phòng Hành chính', description: 'Chức vụ (in trên trang ký)' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  position?: string;

  @ApiProperty({ description: PASSWORD_RULE_MESSAGE })
  @IsPassword()
  password: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cơ quan; bắt buộc trừ tài khoản quản trị hệ thống' })
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Phòng, ban trong cơ quan' })
  @IsOptionalNotNull()
  @IsUUID()
  orgUnitId?: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsEnum(Role, { each: true })
  roles: Role[];
}
