import { SetMetadata } from '@nestjs/common';

export const OPEN_WITH_TEMPORARY_PASSWORD = 'eiso:open-with-temporary-password';

/**
 * Opens a route to an account whose password is temporary (set by someone else). Every other
 * route answers 403 AUTH_PASSWORD_CHANGE_REQUIRED until the password is changed.
 */
export const OpenWithTemporaryPassword = (): MethodDecorator =>
  SetMetadata(OPEN_WITH_TEMPORARY_PASSWORD, true);
