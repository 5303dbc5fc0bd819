import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from './current-actor.decorator';
import { RequirePermission } from './require-permission.decorator';

@ApiTags('Xác thực')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.ProfileRead)
  @ApiOperation({ summary: 'Thông tin người dùng đang đăng nhập' })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor, actor.userId);
  }
}
