import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@eiso/common';
import { IsoClauseMappingView, IsoClausesService, IsoClauseView, IsoEditionView } from '@eiso/iso-clauses';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ListIsoClauseMappingsQueryDto, ListIsoClausesQueryDto } from './dto/iso-clauses.query';
import { IsoClauseMappingResponse, IsoClauseResponse, IsoEditionResponse } from './dto/iso-clause.response';

@ApiTags('Điều khoản ISO 9001')
@Controller('iso-clauses')
export class IsoClausesController {
  constructor(private readonly clauses: IsoClausesService) {}

  @Get()
  @RequirePermission(Permission.IsoClauseRead)
  @ApiOperation({
    summary:
      'Các điều khoản của một phiên bản ISO 9001 (mặc định phiên bản hiện hành), theo thứ tự tiêu chuẩn',
  })
  @ApiOkResponse({ type: [IsoClauseResponse] })
  @ApiErrors(400, 404)
  list(@Query() query: ListIsoClausesQueryDto): Promise<IsoClauseView[]> {
    return this.clauses.clauses(query);
  }

  @Get('editions')
  @RequirePermission(Permission.IsoClauseRead)
  @ApiOperation({ summary: 'Các phiên bản tiêu chuẩn ISO 9001 có trong hệ thống' })
  @ApiOkResponse({ type: [IsoEditionResponse] })
  editions(): Promise<IsoEditionView[]> {
    return this.clauses.editions();
  }

  @Get('mappings')
  @RequirePermission(Permission.IsoClauseRead)
  @ApiOperation({ summary: 'Bảng chuyển đổi điều khoản giữa hai phiên bản tiêu chuẩn' })
  @ApiOkResponse({ type: [IsoClauseMappingResponse] })
  @ApiErrors(400, 404)
  mappings(@Query() query: ListIsoClauseMappingsQueryDto): Promise<IsoClauseMappingView[]> {
    return this.clauses.mappings(query);
  }
}
