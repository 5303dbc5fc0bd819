import { Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';

/**
 * A nested object or null: `{ nullable: true, allOf: [$ref] }`. `@ApiProperty({ type: X,
 * nullable: true })` would add `type: object` beside the reference, and then null fails the
 * referenced schema in a JSON-schema validator; without `type`, `nullable` admits null.
 */
export const ApiNullableProperty =
  (model: Type<unknown>, options: Omit<ApiPropertyOptions, 'type' | 'nullable'> = {}): PropertyDecorator =>
  (target, key) => {
    ApiExtraModels(model)(target.constructor);
    ApiProperty({
      ...options,
      nullable: true,
      allOf: [{ $ref: getSchemaPath(model) }],
    } as ApiPropertyOptions)(target, key);
  };
