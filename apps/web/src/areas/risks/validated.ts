import type { FormInstance } from 'antd';

/** The form's values when they pass its rules; null when not (antd shows the messages on the fields). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
