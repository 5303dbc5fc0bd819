import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { cleanInput } from './clean-text';

/**
 * Every text of a body, query string or path parameter enters clean (no NUL, no lone surrogate,
 * bounded nesting) and NFC-normalized (DESIGN §12), before validation sees it.
 */
@Injectable()
export class NfcPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // A named parameter (`@Query('format')`) is a field of its own; a whole body or query is read as its DTO.
    const type = metadata.data ? undefined : metadata.metatype;
    return metadata.type === 'custom' ? value : cleanInput(value, metadata.data ?? '', 0, type);
  }
}
