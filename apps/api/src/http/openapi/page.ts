import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE, MAX_PAGE_SIZE } from '@eiso/common';

/** What every page of a list says besides its items (`Page<T>` of @eiso/common). */
export class PageResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tổng số mục khớp bộ lọc (mọi trang)' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE, description: 'Trang này (từ 1)' })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, description: 'Số mục mỗi trang' })
  pageSize: number;
}

/**
 * The 200 of a list route: `{ items: Item[], total, page, pageSize }` (+ the properties of `extra`,
 * e.g. an inbox's unread count). `Page<Item>` in the document, as an allOf of PageResponse.
 */
export const ApiPageResponse = (item: Type<unknown>, extra?: Type<unknown>): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(PageResponse, item, ...(extra ? [extra] : [])),
    ApiOkResponse({
      description: `Một trang danh sách: Page<${item.name}>`,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageResponse) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
          ...(extra ? [{ $ref: getSchemaPath(extra) }] : []),
        ],
      },
    }),
  );
