import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseConverter, defaultFinder, ExecutableFinder } from './choose-converter';
import { ConversionError } from './document-converter';
import { GotenbergConverter } from './gotenberg.converter';
import { NoConverter } from './no.converter';
import { SofficeConverter } from './soffice.converter';

/** A PATH lookup over a fixed set of executables. */
const finderOf =
  (executables: string[]): ExecutableFinder =>
  (name) =>
    executables.find((path) => path === name || path.endsWith(`/${name}`));

describe('chooseConverter', () => {
  it('uses Gotenberg when GOTENBERG_URL is set, whatever LibreOffice the machine has', () => {
    const converter = chooseConverter(
      { GOTENBERG_URL: 'http://gotenberg:3000', SOFFICE_PATH: '/usr/bin/soffice' },
      finderOf(['/usr/bin/soffice']),
    );
    expect(converter).toBeInstanceOf(GotenbergConverter);
    expect(converter.kind).toBe('gotenberg');
    expect(converter.description).toBe('Gotenberg tại http://gotenberg:3000');
  });

  it('uses the LibreOffice of SOFFICE_PATH, and refuses to start when it is not an executable', () => {
    const finder = finderOf(['/opt/libreoffice/program/soffice', '/usr/bin/soffice']);
    const converter = chooseConverter({ SOFFICE_PATH: '/opt/libreoffice/program/soffice' }, finder);
    expect(converter).toBeInstanceOf(SofficeConverter);
    expect(converter.description).toBe('LibreOffice cục bộ (/opt/libreoffice/program/soffice)');
    expect(() => chooseConverter({ SOFFICE_PATH: '/opt/none/soffice' }, finder)).toThrow(
      'SOFFICE_PATH: không tìm thấy chương trình LibreOffice chạy được tại "/opt/none/soffice"',
    );
  });

  it('finds soffice, else libreoffice, on PATH', () => {
    expect(chooseConverter({}, finderOf(['/usr/bin/libreoffice', '/usr/bin/soffice'])).description).toBe(
      'LibreOffice cục bộ (/usr/bin/soffice)',
    );
    expect(chooseConverter({}, finderOf(['/usr/local/bin/libreoffice'])).description).toBe(
      'LibreOffice cục bộ (/usr/local/bin/libreoffice)',
    );
  });

  it('has no converter without either, and says so on every conversion', async () => {
    const converter = chooseConverter({}, finderOf([]));
    expect(converter).toBeInstanceOf(NoConverter);
    expect(converter.kind).toBe('none');
    expect(converter.description).toBe('không có (chỉ trang bìa)');
    const error = await converter
      .convert({ bytes: Buffer.from('PK\x03\x04'), fileName: 'a.docx', extension: 'docx' }, 1_000)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({
      timedOut: false,
      message: 'Chưa cấu hình dịch vụ chuyển đổi tài liệu sang PDF (Gotenberg hoặc LibreOffice).',
    });
  });
});

describe('defaultFinder', () => {
  let dir: string;
  let savedPath: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiso-finder-'));
    savedPath = process.env.PATH;
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes an executable file on PATH, skipping one that is not executable and relative PATH entries', () => {
    const bin = join(dir, 'bin');
    const other = join(dir, 'other');
    mkdirSync(bin);
    mkdirSync(other);
    writeFileSync(join(other, 'soffice'), '#!/bin/sh\n');
    chmodSync(join(other, 'soffice'), 0o644);
    writeFileSync(join(bin, 'soffice'), '#!/bin/sh\n');
    chmodSync(join(bin, 'soffice'), 0o755);
    process.env.PATH = ['relative/bin', other, bin].join(':');
    expect(defaultFinder('soffice')).toBe(join(bin, 'soffice'));
    expect(defaultFinder('libreoffice')).toBeUndefined();
  });

  it('checks a path as given: an executable file, not a folder', () => {
    const program = join(dir, 'soffice');
    writeFileSync(program, '#!/bin/sh\n');
    chmodSync(program, 0o755);
    expect(defaultFinder(program)).toBe(program);
    expect(defaultFinder(dir)).toBeUndefined();
    expect(defaultFinder(join(dir, 'missing'))).toBeUndefined();
  });
});
