import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';

/** What browsers and office suites send for a .csv file. */
const CSV_MEDIA_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/** The uploaded figures: present, and a CSV by its name or its media type; answers its bytes. */
@Injectable()
export class MeasurementCsvPipe implements PipeTransform<Express.Multer.File | undefined, Buffer> {
  transform(file: Express.Multer.File | undefined): Buffer {
    if (!file) {
      throw new DomainException(ErrorCode.ValidationFailed, {
        errors: [{ field: 'file', rules: ['required'], message: 'Cần chọn tệp CSV số liệu.' }],
      });
    }
    const named = file.originalname.toLowerCase().endsWith('.csv');
    if (!named && !CSV_MEDIA_TYPES.includes(file.mimetype.toLowerCase())) {
      throw new DomainException(ErrorCode.UnsupportedMediaType, {
        mediaType: file.mimetype,
        accepted: ['CSV'],
        acceptedMediaTypes: ['text/csv'],
      });
    }
    return file.buffer;
  }
}
