import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { AuditEventView, AuditTrailService, ChainVerificationView } from '@eiso/audit-trail';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { AuditEventResponse } from './dto/audit-event.response';
import { ChainVerificationResponse } from './dto/chain-verification.response';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

@ApiTags('Nhật ký hệ thống')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly auditTrail: AuditTrailService) {}

  @Get()
  @RequirePermission(Permission.AuditEventRead)
  @ApiOperation({
    summary:
      'Nhật ký thay đổi (quản trị: mọi cơ quan; người khác: cơ quan mình), lọc theo thao tác, người ' +
      'thực hiện, đối tượng, cơ quan, khoảng thời gian',
  })
  @ApiPageResponse(AuditEventResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListAuditEventsQuery): Promise<Page<AuditEventView>> {
    const { page, pageSize, order, ...filter } = query;
    return this.auditTrail.list(actor, filter, { page, pageSize }, order);
  }

  @Get('verify')
  @RequirePermission(Permission.AuditChainVerify)
  @ApiOperation({
    summary:
      'Kiểm tra tính toàn vẹn của chuỗi nhật ký; báo mắt xích hỏng đầu tiên (đánh giá viên nội bộ: ' +
      'chỉ vị trí thuộc cơ quan mình)',
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(@CurrentActor() actor: Actor): Promise<ChainVerificationView> {
    return this.auditTrail.verifyFor(actor);
  }
}
