import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { AuthService, Session, UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from './current-actor.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { NoStore } from './no-store.decorator';
import { RequirePermission } from './require-permission.decorator';
import { OpenWithTemporaryPassword } from './temporary-password.decorator';

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
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor, actor.userId);
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
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<Session> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
