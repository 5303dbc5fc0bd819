import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { IfMatchVersion, VersionEtag } from '../http/etag';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

@ApiTags('Người dùng')
@VersionEtag()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Tạo người dùng (quản trị: mọi cơ quan; thư ký ISO: cơ quan mình)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'Danh sách người dùng (phân trang, lọc)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<Page<UserView>> {
    const { page, pageSize, ...filter } = query;
    return this.users.list(actor, filter, { page, pageSize });
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc người dùng' })
  @ApiOperation({ summary: 'Sửa, phân quyền, vô hiệu hóa, đặt lại mật khẩu' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, expectedVersion, dto);
  }
}
