import { closeWithin } from './close-within';

describe('closeWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A close that finishes when `finish` is called. */
  function pendingClose(): { close: () => Promise<void>; finish: () => void; fail: (e: Error) => void } {
    let finish: () => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    return { close: () => done, finish: () => finish(), fail: (e) => fail(e) };
  }

  it('is closed when the close finishes in time, without cutting anything', async () => {
    const cut = jest.fn();
    const { close, finish } = pendingClose();
    const outcome = closeWithin(close, { timeoutMs: 1_000, cut });
    await jest.advanceTimersByTimeAsync(999);
    finish();
    await expect(outcome).resolves.toBe('closed');
    expect(cut).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('cuts at the deadline, then is cut when the close finishes within the grace', async () => {
    const { close, finish } = pendingClose();
    const cut = jest.fn(finish);
    const outcome = closeWithin(close, { timeoutMs: 1_000, cut });
    await jest.advanceTimersByTimeAsync(999);
    expect(cut).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(cut).toHaveBeenCalledTimes(1);
    await expect(outcome).resolves.toBe('cut');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('is stuck when the close still runs after the grace, and gives up', async () => {
    const cut = jest.fn();
    const { close, fail } = pendingClose();
    const outcome = closeWithin(close, { timeoutMs: 1_000, cut, graceMs: 500 });
    await jest.advanceTimersByTimeAsync(1_499);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe('stuck');
    // A failure after giving up is nobody's: no unhandled rejection.
    fail(new Error('too late'));
    await jest.advanceTimersByTimeAsync(0);
  });

  it('rejects when the close fails', async () => {
    const { close, fail } = pendingClose();
    const outcome = closeWithin(close, { timeoutMs: 1_000 });
    fail(new Error('pool'));
    await expect(outcome).rejects.toThrow('pool');
  });
});
