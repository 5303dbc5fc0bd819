import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { nfcDeep } from '@eiso/common';

/** Every text enters the system NFC-normalized (DESIGN §12), before validation sees it. */
@Injectable()
export class NfcPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'custom' ? value : nfcDeep(value);
  }
}
