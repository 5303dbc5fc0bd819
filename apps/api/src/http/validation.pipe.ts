import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';
import { HTTP_MESSAGES } from './http.messages';

export interface FieldError {
  field: string;
  rules: string[];
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints
      ? [
          {
            field,
            rules: Object.keys(e.constraints),
            message: e.constraints.whitelistValidation
              ? HTTP_MESSAGES.fieldNotAllowed(field)
              : HTTP_MESSAGES.fieldInvalid(field),
          },
        ]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** One validation pipe: unknown fields are refused, types converted, errors listed per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new DomainException(ErrorCode.ValidationFailed, { errors: flatten(errors) }),
  });
}
