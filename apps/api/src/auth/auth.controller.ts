import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request } from 'express';
import { AuthService, Session } from '@eiso/identity';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { NoStore } from './no-store.decorator';
import { Public } from './public.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { SessionResponse } from './dto/session.response';

@ApiTags('Xác thực')
@Controller('auth')
@Public()
@UseGuards(ThrottlerGuard)
// Every route takes a body and is rate-limited per address.
@ApiErrors(400, 413, 415, 429)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @NoStore()
  @ApiOperation({ summary: 'Đăng nhập: trả về access token, refresh token và thông tin người dùng' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(401, 403, 423)
  login(@Body() dto: LoginDto, @Req() req: Request & { id?: string }): Promise<Session> {
    // req.ip honours X-Forwarded-For only from the proxies named in TRUST_PROXY.
    return this.auth.login(dto.username, dto.password, String(req.id ?? ''), req.ip ?? '');
  }

  @Post('refresh')
  @HttpCode(200)
  @NoStore()
  @ApiOperation({ summary: 'Đổi refresh token lấy phiên mới (token cũ hết hiệu lực)' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(401, 403)
  refresh(@Body() dto: RefreshDto): Promise<Session> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất: thu hồi refresh token và các token cùng phiên' })
  @ApiNoContentResponse({ description: 'Đã đăng xuất' })
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }
}
