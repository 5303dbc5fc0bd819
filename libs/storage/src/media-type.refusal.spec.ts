import { ErrorCode } from '@eiso/common';
import {
  ALLOWED_DOCUMENT_MEDIA_TYPES,
  MediaType,
  mediaTypeName,
  PRIMARY_DOCUMENT_MEDIA_TYPES,
} from './media-type.constants';
import { unsupportedMediaType } from './media-type.refusal';

describe('unsupportedMediaType', () => {
  it('names the formats accepted and the type found, keeping the media types', () => {
    const error = unsupportedMediaType(MediaType.WindowsExecutable, ALLOWED_DOCUMENT_MEDIA_TYPES, {
      kind: 'attachment',
    });
    expect(error.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(error.details).toEqual({
      mediaType: MediaType.WindowsExecutable,
      detected: 'tệp chương trình (EXE)',
      accepted: ['PDF', 'DOCX', 'XLSX', 'DOC', 'XLS', 'ODT', 'PNG', 'JPEG'],
      acceptedMediaTypes: ALLOWED_DOCUMENT_MEDIA_TYPES,
      kind: 'attachment',
    });
    expect(unsupportedMediaType(MediaType.Png, PRIMARY_DOCUMENT_MEDIA_TYPES).details).toMatchObject({
      accepted: ['PDF', 'DOCX'],
      detected: 'PNG',
    });
  });

  it('names OpenDocument types by their extension, and anything else by its media type', () => {
    expect(mediaTypeName('application/vnd.oasis.opendocument.spreadsheet')).toBe('ODS');
    expect(mediaTypeName(MediaType.Odt)).toBe('ODT');
    expect(mediaTypeName('application/x-unknown')).toBe('application/x-unknown');
  });
});
