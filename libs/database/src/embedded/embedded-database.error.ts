/**
 * A reason the embedded database cannot start that its user can act on (data from PGlite, a
 * directory in use, an unreachable folder…): the message, in Vietnamese, is the whole story,
 * so it is printed without a stack trace.
 */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
