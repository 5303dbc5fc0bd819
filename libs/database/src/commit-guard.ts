import { AsyncLocalStorage } from 'node:async_hooks';

const guard = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` so that every transaction it opens (TransactionRunner.run) checks `signal` right
 * before its COMMIT and rolls back instead when it was aborted: e.g. an upload whose client has
 * gone commits nothing. Without a signal, just runs `work`.
 */
export function commitUnlessAborted<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  return signal ? guard.run(signal, work) : work();
}

/** Throws the abort reason when the surrounding commitUnlessAborted's signal was aborted. */
export function throwIfCommitAborted(): void {
  guard.getStore()?.throwIfAborted();
}
