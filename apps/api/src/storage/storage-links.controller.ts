import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { attachmentContentDisposition, LocalLinkSigner, StorageDriver } from '@eiso/storage';
import { Public } from '../auth/public.decorator';

/** Serves the signed download links the local-disk driver hands out instead of S3 presigned URLs. */
@ApiExcludeController()
@Controller('storage/links')
@Public()
export class StorageLinksController {
  constructor(
    private readonly signer: LocalLinkSigner,
    private readonly storage: StorageDriver,
  ) {}

  @Get(':token')
  async download(@Param('token') token: string): Promise<StreamableFile> {
    const { key, name } = this.signer.verify(token);
    const [stat, body] = [await this.storage.stat(key), await this.storage.get(key)];
    return new StreamableFile(body, {
      length: stat?.size,
      type: 'application/octet-stream',
      disposition: name ? attachmentContentDisposition(name) : 'attachment',
    });
  }
}
