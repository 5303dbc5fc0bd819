import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission, permissionsOf } from '@eiso/common';
import { AuthService, Session, UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from './current-actor.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { NoStore } from './no-store.decorator';
import { RequirePermission } from './require-permission.decorator';
import { OpenWithTemporaryPassword } from './temporary-password.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { MeResponse } from './dto/me.response';
import { SessionResponse } from './dto/session.response';

@ApiTags('Xác thực')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @OpenWithTemporaryPassword()
  @ApiOperation({ summary: 'Thông tin người dùng đang đăng nhập' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const user: UserView = await this.users.get(actor, actor.userId);
    return { ...user, permissions: [...permissionsOf(user.roles)].sort() };
  }

  @Post('password')
  @HttpCode(200)
  @RequirePermission(Permission.ProfileRead)
  @OpenWithTemporaryPassword()
  @NoStore()
  @ApiOperation({
    summary:
      'Đổi mật khẩu của chính mình (cần mật khẩu hiện tại): kết thúc mọi phiên, trả về phiên mới cho người gọi',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 413, 415, 422)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<Session> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
