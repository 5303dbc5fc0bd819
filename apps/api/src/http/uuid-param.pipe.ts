import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { invalidField } from './validation.pipe';

/**
 * A UUID in the path (`/documents/:id`): refused with the parameter's Vietnamese label and the
 * expected form, like any other field, instead of Nest's English `ParseUUIDPipe` message.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    throw invalidField(metadata.data ?? 'id', 'isUuid');
  }
}
