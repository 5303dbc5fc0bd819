/** DI token of the secret that signs access tokens (and local download links). */
export const SIGNING_SECRET = Symbol('eiso:signing-secret');
