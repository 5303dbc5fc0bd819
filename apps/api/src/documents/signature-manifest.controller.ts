import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Permission } from '@eiso/common';
import { SignatureManifest, SignatureManifestService } from '@eiso/documents';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { SignatureManifestResponse } from './dto/signature-manifest.response';

@ApiTags('Tài liệu')
@Controller('documents/:id/versions/:vid/signatures')
export class SignatureManifestController {
  constructor(private readonly manifests: SignatureManifestService) {}

  @Get()
  @RequirePermission(Permission.DocumentRead)
  @ApiOperation({
    summary:
      'Bảng chữ ký của phiên bản: ý nghĩa, người ký, chức vụ và vai trò lúc ký, thời điểm, mã băm, ' +
      'thời điểm đặt mật khẩu, và mã băm còn khớp với dữ liệu đang lưu hay không',
  })
  @ApiOkResponse({ type: SignatureManifestResponse })
  @ApiErrors(400, 404)
  manifest(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParamPipe) id: string,
    @Param('vid', UuidParamPipe) vid: string,
  ): Promise<SignatureManifest> {
    return this.manifests.manifest(actor, id, vid);
  }
}
