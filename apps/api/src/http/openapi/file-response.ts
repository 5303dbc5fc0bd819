import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { PageResponse } from './page';

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A stored file goes out with the media type it was stored with (PDF, DOCX, PNG…). */
export const ANY_MEDIA_TYPE = '*/*';

const BINARY = { schema: { type: 'string', format: 'binary' } } as const;
const ATTACHMENT = {
  'Content-Disposition': {
    description: "attachment; filename*=UTF-8''<tên tệp>",
    schema: { type: 'string' },
  },
};

/** A 200 answering the bytes of a file (download, PDF) rather than JSON. */
export const ApiFileResponse = (description: string, ...mediaTypes: string[]): MethodDecorator =>
  ApiOkResponse({
    description,
    headers: ATTACHMENT,
    content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, BINARY])),
  });

/** A register's 200: JSON by default, XLSX or PDF with `?format=`. */
export const ApiExportResponse = (json: Type<unknown>): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: 'format=json (mặc định): JSON; format=xlsx: bảng tính; format=pdf: văn bản PDF',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        [XLSX]: BINARY,
        [PDF]: BINARY,
      },
    }),
  );

/**
 * A paged list that exports: a page of `item` as JSON by default (`Page<Item>`, as
 * `ApiPageResponse` documents it), every row of the filter as XLSX or PDF with `?format=`.
 */
export const ApiPageExportResponse = (item: Type<unknown>): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(PageResponse, item),
    ApiOkResponse({
      description: 'format=json (mặc định): một trang JSON; format=xlsx|pdf: mọi dòng của bộ lọc',
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: getSchemaPath(PageResponse) },
              {
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
              },
            ],
          },
        },
        [XLSX]: BINARY,
        [PDF]: BINARY,
      },
    }),
  );
