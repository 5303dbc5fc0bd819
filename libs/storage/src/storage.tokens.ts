/** Injection token of the secret that signs local download links (a string of ≥ 32 characters). */
export const STORAGE_LINK_SECRET = Symbol('STORAGE_LINK_SECRET');
