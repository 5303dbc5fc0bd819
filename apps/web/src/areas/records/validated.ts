import type { FormInstance } from 'antd';

/**
 * The form's values, or null when a field is invalid (the form then shows its messages).
 * validateFields rejects in that case; unhandled, the rejection would reach the page as an error.
 */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
