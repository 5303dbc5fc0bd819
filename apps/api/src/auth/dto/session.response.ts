import { ApiProperty } from '@nestjs/swagger';
import { Session } from '@eiso/identity';
import { UserResponse } from '../../users/dto/user.response';

/** A new session: login, refresh and password change answer it (Cache-Control: no-store). */
export class SessionResponse implements Session {
  @ApiProperty({ description: 'Gửi trong Authorization: Bearer <accessToken>' })
  accessToken: string;

  @ApiProperty({ description: 'Dùng một lần để lấy phiên mới' })
  refreshToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', minimum: 1, example: 900, description: 'Thời hạn của access token (giây)' })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
