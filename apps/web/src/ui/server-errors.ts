import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/api-error';

/**
 * Puts the server's Vietnamese messages on the fields they name (`a.b` → ['a', 'b'], `a.0` →
 * ['a', 0]); returns the message to show above the form when no field of the form took it.
 */
export function applyServerErrors(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set(
    Object.keys(form.getFieldsValue(true) as Record<string, unknown>).map((name) => name.split('.')[0]),
  );
  const onFields = error.fieldErrors.filter((f) => known.has(f.field.split('.')[0]));
  if (onFields.length) {
    form.setFields(
      onFields.map((f) => ({
        name: f.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        errors: [f.message],
      })),
    );
  }
  return onFields.length === error.fieldErrors.length && onFields.length > 0 ? null : error.message;
}
