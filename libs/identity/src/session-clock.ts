import { Clock, SystemClock } from '@eiso/common';

/**
 * The time of sessions: refresh-token lifetimes and revocations, and a password's epoch
 * (`passwordChangedAt`, the access token's `pwd` claim, which ends the sessions of an older
 * password). Sessions count real time, like the token's `exp` that the JWT library checks, so it
 * is not the injected Clock: a clock set for domain facts (tests move it by weeks) must neither
 * end, stretch nor keep alive a session.
 */
export const SESSION_CLOCK: Clock = new SystemClock();
