import { DomainException, ErrorCode } from '@eiso/common';

const UNIQUE_VIOLATION = '23505';

/** The index or constraint a unique violation names, or null for any other error. */
function violatedConstraint(error: unknown): string | null {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === UNIQUE_VIOLATION && name ? name : null;
}

/** Whether a database error is the unique violation of one named index or constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return violatedConstraint(error) === constraint;
}

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
    const constraint = violatedConstraint(error);
    const code = constraint ? codes[constraint] : undefined;
    if (code) throw new DomainException(code);
    throw error;
  }
}
