import { QueryFailedError } from 'typeorm';
import { DomainException, ErrorCode } from '@eiso/common';

const UNIQUE_VIOLATION = '23505';

/**
 * Runs a write and turns a unique violation on one of the named indexes into its domain error.
 * The database is the judge of uniqueness, so two concurrent writers cannot both win.
 */
export async function mapUniqueViolation<T>(
  work: () => Promise<T>,
  codes: Readonly<Record<string, ErrorCode>>,
): Promise<T> {
  try {
    return await work();
  } catch (error: unknown) {
    if (error instanceof QueryFailedError) {
      const driverError = error.driverError as { code?: string; constraint?: string };
      const code = driverError.constraint ? codes[driverError.constraint] : undefined;
      if (driverError.code === UNIQUE_VIOLATION && code) throw new DomainException(code);
    }
    throw error;
  }
}
