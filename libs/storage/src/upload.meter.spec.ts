import { createHash, randomBytes } from 'node:crypto';
import { DomainException, ErrorCode } from '@eiso/common';
import { MediaType } from './media-type.constants';
import { SNIFF_HEAD_BYTES } from './media-type.sniffer';
import { UploadMeter } from './upload.meter';

describe('UploadMeter', () => {
  it('hashes, counts and sniffs across chunk boundaries', () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200 * 1024)]);
    const meter = new UploadMeter();
    for (let at = 0; at < content.length; at += 3000) meter.add(content.subarray(at, at + 3000));
    expect(meter.finish()).toEqual({
      sha256: createHash('sha256').update(content).digest('hex'),
      size: content.length,
      mediaType: MediaType.Pdf,
    });
  });

  it('sniffs a signature split over two chunks', () => {
    const meter = new UploadMeter();
    meter.add(Buffer.from('%P'));
    meter.add(Buffer.from('DF-1.4'));
    expect(meter.finish().mediaType).toBe(MediaType.Pdf);
  });

  it('accepts exactly maxBytes and refuses the chunk that crosses it', () => {
    const meter = new UploadMeter(10);
    meter.add(Buffer.alloc(10));
    let refused: unknown;
    try {
      meter.add(Buffer.alloc(1));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainException);
    expect(refused).toMatchObject({ code: ErrorCode.PayloadTooLarge, details: { maxBytes: 10 } });
  });

  it('keeps only the head for sniffing', () => {
    const meter = new UploadMeter();
    meter.add(Buffer.alloc(SNIFF_HEAD_BYTES * 2, 0x41));
    const head = (meter as unknown as { headBytes: number }).headBytes;
    expect(head).toBe(SNIFF_HEAD_BYTES);
  });

  it('takes Uint8Array and string chunks, and nothing else', () => {
    const meter = new UploadMeter();
    meter.add(new Uint8Array([0x25, 0x50]));
    meter.add('DF-');
    expect(meter.finish()).toMatchObject({ size: 5, mediaType: MediaType.Pdf });
    expect(() => new UploadMeter().add({})).toThrow(TypeError);
    expect(() => new UploadMeter(-1)).toThrow(RangeError);
  });
});
