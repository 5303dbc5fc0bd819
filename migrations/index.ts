import { Platform1764380000000 } from './1764380000000-platform';

/** Every migration in order. A new migration is added here; a shipped one is never edited. */
export const MIGRATIONS = [Platform1764380000000];
