import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { ConformityReadiness, ConformityReadinessService } from '@eiso/conformity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ReadinessQueryDto } from './dto/readiness.query';
import { ReadinessResponse } from './dto/readiness.response';

@ApiTags('conformity')
@Controller('conformity')
export class ConformityController {
  constructor(private readonly readiness: ConformityReadinessService) {}

  @Get('readiness')
  @RequirePermission(Permission.ConformityRead)
  @ApiOperation({
    summary:
      'Điều kiện công bố HTQLCL phù hợp TCVN ISO 9001:2015 của cơ quan: từng điều kiện, đạt hay chưa, còn thiếu gì',
  })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiErrors(400)
  readinessOf(@CurrentActor() actor: Actor, @Query() query: ReadinessQueryDto): Promise<ConformityReadiness> {
    return this.readiness.readinessOf(actor, query.tthcCodes ?? []);
  }
}
