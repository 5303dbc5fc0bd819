import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '@eiso/common';
import { UserResponse } from '../../users/dto/user.response';

/** The signed-in user, with what their roles let them do: the web app offers only these actions. */
export class MeResponse extends UserResponse {
  @ApiProperty({
    enum: Permission,
    enumName: 'Permission',
    isArray: true,
    description: 'Quyền của người dùng theo các vai trò (máy chủ vẫn kiểm tra từng yêu cầu)',
  })
  permissions: Permission[];
}
