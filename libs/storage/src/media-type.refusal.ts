import { DomainException, ErrorCode } from '@eiso/common';
import { mediaTypeName } from './media-type.constants';

/**
 * 415 for a sniffed type outside `accepted`. The details name the type found and the formats
 * accepted (`accepted: ['PDF', 'DOCX']`), from which the catalogue words the message.
 */
export function unsupportedMediaType(
  mediaType: string,
  accepted: readonly string[],
  details: Record<string, unknown> = {},
): DomainException {
  return new DomainException(ErrorCode.UnsupportedMediaType, {
    mediaType,
    detected: mediaTypeName(mediaType),
    accepted: accepted.map(mediaTypeName),
    acceptedMediaTypes: [...accepted],
    ...details,
  });
}
