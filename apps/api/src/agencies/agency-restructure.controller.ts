import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { RestructureResult, RestructureService } from '@eiso/restructuring';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { RestructureDto } from './dto/restructure.dto';
import { RestructureResultResponse } from './dto/restructure.response';

@ApiTags('agencies')
@Controller('agencies/restructure')
export class AgencyRestructureController {
  constructor(private readonly restructuring: RestructureService) {}

  @Post()
  @HttpCode(200)
  @RequirePermission(Permission.AgencyManage)
  @ApiOperation({
    summary:
      'Sắp xếp lại cơ quan (sáp nhập, đổi tên, giải thể): chuyển dữ liệu sang cơ quan tiếp nhận trong một giao dịch; 409 liệt kê mã trùng nếu không có tiền tố',
  })
  @ApiOkResponse({ type: RestructureResultResponse })
  @ApiErrors(400, 403, 404, 409, 413, 415, 422)
  restructure(@CurrentActor() actor: Actor, @Body() dto: RestructureDto): Promise<RestructureResult> {
    return this.restructuring.restructure(actor, dto);
  }

  @Post('preview')
  @HttpCode(200)
  @RequirePermission(Permission.AgencyManage)
  @ApiOperation({
    summary: 'Xem trước việc sắp xếp lại: những gì sẽ được chuyển và các mã trùng; không thay đổi gì',
  })
  @ApiOkResponse({ type: RestructureResultResponse })
  @ApiErrors(400, 403, 404, 413, 415, 422)
  preview(@CurrentActor() actor: Actor, @Body() dto: RestructureDto): Promise<RestructureResult> {
    return this.restructuring.preview(actor, dto);
  }
}
