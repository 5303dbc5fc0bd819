import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { DocumentConverter } from './document-converter';
import { GotenbergConverter } from './gotenberg.converter';
import { NoConverter } from './no.converter';
import { SofficeConverter } from './soffice.converter';

/** The path of an executable: a path is checked as given, a bare name is looked up on PATH. */
export type ExecutableFinder = (nameOrPath: string) => string | undefined;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Looks on the PATH the converter's child processes will have (the process's own). */
export const defaultFinder: ExecutableFinder = (nameOrPath) => {
  if (nameOrPath.includes('/')) return isExecutableFile(nameOrPath) ? nameOrPath : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const candidate = join(dir, nameOrPath);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
};

/**
 * The converter this installation uses: Gotenberg when GOTENBERG_URL is set (the services profile),
 * else a local LibreOffice (SOFFICE_PATH, or `soffice` / `libreoffice` on PATH), else none: files
 * then get their cover page only. A SOFFICE_PATH that is not an executable stops the start-up, as
 * any other wrong setting does.
 */
export function chooseConverter(
  config: { GOTENBERG_URL?: string; SOFFICE_PATH?: string },
  findOnPath: ExecutableFinder = defaultFinder,
): DocumentConverter {
  if (config.GOTENBERG_URL) return new GotenbergConverter(config.GOTENBERG_URL);
  if (config.SOFFICE_PATH) {
    const binary = findOnPath(config.SOFFICE_PATH);
    if (!binary) {
      throw new Error(
        `SOFFICE_PATH: không tìm thấy chương trình LibreOffice chạy được tại "${config.SOFFICE_PATH}"`,
      );
    }
    return new SofficeConverter(binary);
  }
  const found = findOnPath('soffice') ?? findOnPath('libreoffice');
  return found ? new SofficeConverter(found) : new NoConverter();
}
