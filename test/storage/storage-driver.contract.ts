import { DomainException, ErrorCode } from '@eiso/common';
import { MediaType, StorageDriver, StorageKeyTakenError } from '@eiso/storage';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  digestOf,
  domainCodeOf,
  generatedStream,
  MIB,
  MemoryProbe,
  readAll,
  rejectionOf,
  sha256,
  streamOf,
} from './storage.fixtures';

export interface StorageContractContext {
  driver: StorageDriver;
  /** S3 part size the driver was built with (the local driver has none; any size works). */
  partSize: number;
  /** What a failed upload could leave behind: incomplete multipart uploads, temp files. */
  leftovers(): Promise<string[]>;
}

const PDF_HEAD = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

/** The behaviour every StorageDriver promises; each driver's suite runs it against the real thing. */
export function describeStorageContract(context: () => StorageContractContext): void {
  const newKey = (): string => `contract/${randomUUID()}/v1`;

  it('streams 60 MiB without holding it in memory', async () => {
    const { driver } = context();
    const key = newKey();
    const probe = new MemoryProbe();
    const source = generatedStream(60 * MIB, { every: { bytes: 6 * MIB, call: () => probe.sample() } });
    expect(await driver.put(key, source.stream)).toMatchObject(source.produced());
    probe.sample();
    const growth = probe.growth();
    // Buffering the file would add ≥ 54 MiB by the last sample; one part and the head stay well under.
    expect(growth.live).toBeLessThan(40 * MIB);
    expect(growth.rss).toBeLessThan(40 * MIB);
    expect(await digestOf(await driver.get(key))).toEqual(source.produced());
  });

  it('round-trips a single byte', async () => {
    const { driver } = context();
    const key = newKey();
    const stored = await driver.put(key, streamOf(Buffer.from([0x00])));
    expect(stored).toEqual({
      key,
      sha256: sha256(Buffer.from([0x00])),
      size: 1,
      mediaType: MediaType.OctetStream,
    });
    expect(await driver.stat(key)).toEqual({ size: 1 });
    expect(await readAll(await driver.get(key))).toEqual(Buffer.from([0x00]));
  });

  it('round-trips an empty file', async () => {
    const { driver } = context();
    const key = newKey();
    expect(await driver.put(key, streamOf(Buffer.alloc(0)))).toEqual({
      key,
      sha256: sha256(Buffer.alloc(0)),
      size: 0,
      mediaType: MediaType.OctetStream,
    });
    expect(await driver.stat(key)).toEqual({ size: 0 });
    expect((await readAll(await driver.get(key))).length).toBe(0);
  });

  it('round-trips exactly one part and sniffs its type from the content', async () => {
    const { driver, partSize } = context();
    const key = newKey();
    const content = Buffer.concat([PDF_HEAD, randomBytes(partSize - PDF_HEAD.length)]);
    const stored = await driver.put(key, streamOf(content));
    expect(stored).toEqual({ key, sha256: sha256(content), size: partSize, mediaType: MediaType.Pdf });
    expect((await readAll(await driver.get(key))).equals(content)).toBe(true);
  });

  it('round-trips several parts byte for byte', async () => {
    const { driver, partSize } = context();
    const key = newKey();
    const content = randomBytes(2 * partSize + 2 * MIB + 123);
    const stored = await driver.put(key, streamOf(content));
    expect(stored).toEqual({
      key,
      sha256: sha256(content),
      size: content.length,
      mediaType: MediaType.OctetStream,
    });
    expect(await driver.stat(key)).toEqual({ size: content.length });
    expect((await readAll(await driver.get(key))).equals(content)).toBe(true);
  });

  it('accepts a file of exactly maxBytes', async () => {
    const { driver } = context();
    const content = randomBytes(1000);
    expect((await driver.put(newKey(), streamOf(content), { maxBytes: 1000 })).size).toBe(1000);
  });

  it('refuses a small file over maxBytes and keeps nothing', async () => {
    const { driver, leftovers } = context();
    const key = newKey();
    const error = await rejectionOf(driver.put(key, streamOf(randomBytes(5000)), { maxBytes: 1000 }));
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: ErrorCode.PayloadTooLarge, details: { maxBytes: 1000 } });
    expect(await driver.stat(key)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it('refuses a file that crosses maxBytes after parts were sent, and keeps nothing', async () => {
    const { driver, partSize, leftovers } = context();
    const key = newKey();
    const maxBytes = partSize + MIB;
    const source = generatedStream(3 * partSize);
    expect(await domainCodeOf(driver.put(key, source.stream, { maxBytes }))).toBe(ErrorCode.PayloadTooLarge);
    // It stopped reading soon after the limit instead of draining the client.
    expect(source.produced().size).toBeLessThan(maxBytes + 2 * MIB);
    expect(await driver.stat(key)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it('keeps nothing when the source fails midway, and rethrows', async () => {
    const { driver, leftovers } = context();
    const key = newKey();
    const source = generatedStream(20 * MIB, { failAfter: 7 * MIB });
    const error = await rejectionOf(driver.put(key, source.stream));
    expect((error as Error).message).toBe('client went away');
    expect(await driver.stat(key)).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it('refuses to overwrite a key and keeps the original', async () => {
    const { driver } = context();
    const key = newKey();
    const original = Buffer.from('bản gốc');
    await driver.put(key, streamOf(original));
    const second = streamOf(Buffer.from('bản sửa'));
    expect(await rejectionOf(driver.put(key, second))).toBeInstanceOf(StorageKeyTakenError);
    expect(second.destroyed).toBe(true);
    expect(await readAll(await driver.get(key))).toEqual(original);
  });

  it('answers StorageObjectNotFound and a null stat for a missing key', async () => {
    const { driver } = context();
    expect(await domainCodeOf(driver.get(newKey()))).toBe(ErrorCode.StorageObjectNotFound);
    expect(await driver.stat(newKey())).toBeNull();
  });

  it('deletes idempotently', async () => {
    const { driver } = context();
    const key = newKey();
    await driver.put(key, streamOf(Buffer.from('xoá tôi')));
    await driver.delete(key);
    expect(await driver.stat(key)).toBeNull();
    expect(await domainCodeOf(driver.get(key))).toBe(ErrorCode.StorageObjectNotFound);
    await expect(driver.delete(key)).resolves.toBeUndefined();
    await expect(driver.delete(newKey())).resolves.toBeUndefined();
  });

  it('refuses keys that are not plain relative paths', async () => {
    const { driver } = context();
    for (const key of ['../outside', '/absolute', 'a/../../b', '.tmp/x']) {
      expect(await rejectionOf(driver.put(key, streamOf(Buffer.from('x'))))).toBeInstanceOf(Error);
      expect(await rejectionOf(driver.get(key))).not.toBeInstanceOf(DomainException);
    }
  });

  it('answers a ping and can be made ready again', async () => {
    const { driver } = context();
    await driver.ensureReady();
    await expect(driver.ping()).resolves.toBeUndefined();
  });
}
