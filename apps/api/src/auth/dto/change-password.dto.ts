import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_RULE_MESSAGE } from '@eiso/identity';
import { IsPassword } from '../../http/field-formats';

export class ChangePasswordDto {
  @ApiProperty({ description: 'Mật khẩu đang dùng (kể cả mật khẩu tạm do người khác đặt)' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ description: `Mật khẩu mới, khác mật khẩu đang dùng. ${PASSWORD_RULE_MESSAGE}` })
  @IsPassword()
  newPassword: string;
}
