import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorCode } from '@eiso/common';
import { answerExport, parseExportFormat, sendReportFile } from './export-format';

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) } as never;
}

const file = { fileName: 'Danh mục hồ sơ.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.7') };

describe('export format', () => {
  it('answers JSON by default and takes xlsx or pdf', () => {
    expect(parseExportFormat(undefined)).toBe('json');
    expect(parseExportFormat('xlsx')).toBe('xlsx');
    expect(parseExportFormat('pdf')).toBe('pdf');
  });

  it('refuses any other format as a field error on `format`', () => {
    for (const bad of ['csv', 'PDF', '']) {
      let error: unknown;
      try {
        parseExportFormat(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({
        code: ErrorCode.ValidationFailed,
        details: { errors: [expect.objectContaining({ field: 'format', rules: ['isIn'] })] },
      });
    }
  });

  it('streams a file with its type, length and Vietnamese name (RFC 5987)', () => {
    const res = response();
    const streamed = sendReportFile(res, file);
    expect(streamed).toBeInstanceOf(StreamableFile);
    expect(res.headers['Content-Type']).toBe('application/pdf');
    const headers = streamed.getHeaders();
    expect(headers.length).toBe(file.bytes.length);
    expect(headers.disposition).toBe(
      `attachment; filename="Danh muc ho so.pdf"; filename*=UTF-8''${encodeURIComponent('Danh mục hồ sơ.pdf')}`,
    );
  });

  it('reads nothing for a bad format, the rows for JSON and the file otherwise', async () => {
    const json = jest.fn(() => Promise.resolve({ items: [1] }));
    const render = jest.fn(() => Promise.resolve(file));
    await expect(answerExport('csv', response(), { json, file: render })).rejects.toBeInstanceOf(
      DomainException,
    );
    expect(json).not.toHaveBeenCalled();
    expect(render).not.toHaveBeenCalled();
    expect(await answerExport(undefined, response(), { json, file: render })).toEqual({ items: [1] });
    expect(await answerExport('xlsx', response(), { json, file: render })).toBeInstanceOf(StreamableFile);
    expect(render).toHaveBeenCalledWith('xlsx');
  });
});
