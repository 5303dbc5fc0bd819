import { ChainVerifier, GENESIS_HASH, hashLink, ChainedFields } from './audit-chain';

function chain(n: number): (ChainedFields & { seq: string; hash: string })[] {
  const links: (ChainedFields & { seq: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      occurredAt: new Date(Date.UTC(2026, 0, i)),
      actorId: null,
      actorUsername: 'admin',
      agencyId: null,
      entityType: 'agency',
      entityId: String(i),
      action: 'agency.created',
      before: null,
      after: { name: `Sở ${i}`, nested: { b: 1, a: 2 } },
      requestId: 'req',
      prevHash: prev,
    };
    const hash = hashLink(fields);
    links.push({ ...fields, seq: String(i), hash });
    prev = hash;
  }
  return links;
}

describe('audit chain', () => {
  it('does not depend on key order of the JSON payloads', () => {
    const [link] = chain(1);
    const reordered = { ...link, after: { nested: { a: 2, b: 1 }, name: 'Sở 1' } };
    expect(hashLink(reordered)).toBe(link.hash);
  });

  it('accepts an intact chain', () => {
    const verifier = new ChainVerifier();
    for (const link of chain(5)) verifier.accept(link);
    expect(verifier.result()).toMatchObject({ ok: true, checked: 5, firstBroken: null });
  });

  it('reports the first link whose content was changed', () => {
    const links = chain(5);
    links[2] = { ...links[2], after: { name: 'Sở đã bị sửa' } };
    const verifier = new ChainVerifier();
    for (const link of links) if (!verifier.accept(link)) break;
    expect(verifier.result()).toMatchObject({
      ok: false,
      firstBroken: { seq: '3', reason: 'hash_mismatch' },
    });
  });

  it('reports a removed link as a broken predecessor hash', () => {
    const links = chain(5);
    links.splice(1, 1);
    const verifier = new ChainVerifier();
    for (const link of links) if (!verifier.accept(link)) break;
    expect(verifier.result()).toMatchObject({
      ok: false,
      firstBroken: { seq: '3', reason: 'prev_hash_mismatch' },
    });
  });
});
