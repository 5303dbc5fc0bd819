import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { cleanInput } from './clean-text';

/**
 * Every text of a body, query string or path parameter enters clean (no NUL, no lone surrogate,
 * bounded nesting) and NFC-normalized (DESIGN §12), before validation sees it.
 */
@Injectable()
export class NfcPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'custom' ? value : cleanInput(value, metadata.data ?? '');
  }
}
