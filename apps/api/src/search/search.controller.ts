import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Permission } from '@eiso/common';
import { SearchHitView, SearchService } from '@eiso/search';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiPageResponse } from '../http/openapi/page';
import { SearchHitResponse } from './dto/search-hit.response';
import { SearchQueryDto } from './dto/search.query';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({
    summary:
      'Tìm trong nội dung tệp (không phân biệt dấu; "cụm từ", tiền tố*): tài liệu theo quyền xem danh sách tài liệu, hồ sơ của cơ quan mình; đoạn trích có đánh dấu từ khớp',
  })
  @ApiPageResponse(SearchHitResponse)
  @ApiErrors(400)
  find(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto): Promise<Page<SearchHitView>> {
    const { page, pageSize, ...filter } = query;
    return this.search.search(actor, filter, { page, pageSize });
  }
}
