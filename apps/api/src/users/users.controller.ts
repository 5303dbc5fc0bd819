import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { VersionEtag } from '../http/etag';
import { IfMatchRequired } from '../http/if-match';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { UserResponse } from './dto/user.response';

@ApiTags('Người dùng')
@VersionEtag()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Tạo người dùng (quản trị: mọi cơ quan; thư ký ISO: cơ quan mình)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'Danh sách người dùng (phân trang, lọc)' })
  @ApiPageResponse(UserResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<Page<UserView>> {
    const { page, pageSize, ...filter } = query;
    return this.users.list(actor, filter, { page, pageSize });
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'Xem một người dùng' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidParamPipe) id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Sửa, phân quyền, vô hiệu hóa, đặt lại mật khẩu' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 404, 409, 413, 415, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @IfMatchRequired() expectedVersion: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, expectedVersion, dto);
  }
}
