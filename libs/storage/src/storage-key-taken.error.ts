/** Keys are immutable: a second put on the same key is a bug in the caller, not a user error. */
export class StorageKeyTakenError extends Error {
  constructor(readonly key: string) {
    super(`Storage key already holds an object: ${key}`);
    this.name = 'StorageKeyTakenError';
  }
}
