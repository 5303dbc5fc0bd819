import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'Mã làm mới phiên (refresh token) nhận khi đăng nhập' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  refreshToken: string;
}
