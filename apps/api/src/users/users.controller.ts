import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, Page, Permission } from '@eiso/common';
import { UsersService, UserView } from '@eiso/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { etagOf, versionFromIfMatch } from '../http/etag';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';

@ApiTags('Người dùng')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Tạo người dùng (quản trị: mọi cơ quan; thư ký ISO: cơ quan mình)' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserView> {
    const user = await this.users.create(actor, dto);
    res.setHeader('ETag', etagOf(user.version));
    return user;
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
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserView> {
    const user = await this.users.get(actor, id);
    res.setHeader('ETag', etagOf(user.version));
    return user;
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag nhận được khi đọc người dùng' })
  @ApiOperation({ summary: 'Sửa, phân quyền, vô hiệu hóa, đặt lại mật khẩu' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserView> {
    const user = await this.users.update(actor, id, versionFromIfMatch(ifMatch), dto);
    res.setHeader('ETag', etagOf(user.version));
    return user;
  }
}
