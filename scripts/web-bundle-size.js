#!/usr/bin/env node
/**
 * How much JavaScript the first screens of the web app load, gzipped, from the build's manifest
 * (dist/web/.vite/manifest.json): the entry chunk and everything it imports statically, plus the
 * chunks of the lazily loaded screens a first visit opens — the login for a visitor, the frame and
 * the home page for a signed-in user. Prints one line per screen; `--max-kb N` exits 1 above N.
 *
 * Usage: node scripts/web-bundle-size.js [dist/web] [--max-kb 300] [--json]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/** The screens of a first visit: the source file of each lazily loaded page (from apps/web). */
const FIRST_SCREENS = {
  'Đăng nhập': ['src/areas/account/LoginPage.tsx'],
  'Trang chủ (đã đăng nhập)': ['src/app/AppLayout.tsx', 'src/areas/home/HomePage.tsx'],
};

function measure(webDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(webDir, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('Không thấy chunk vào (isEntry) trong manifest');
  /** A chunk and every chunk it imports statically, as manifest keys. */
  const closure = (keys, into = new Set()) => {
    for (const key of keys) {
      if (into.has(key)) continue;
      if (!manifest[key]) throw new Error(`Manifest không có ${key}`);
      into.add(key);
      closure(manifest[key].imports ?? [], into);
    }
    return into;
  };
  const gzipped = (keys) =>
    [...keys].reduce((sum, key) => {
      const file = path.join(webDir, manifest[key].file);
      return sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    }, 0);
  const screens = {};
  for (const [name, sources] of Object.entries(FIRST_SCREENS)) {
    const keys = closure([entry, ...sources]);
    screens[name] = { bytes: gzipped(keys), chunks: keys.size };
  }
  const all = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js'));
  const total = [...new Set(all)].reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length,
    0,
  );
  return { screens, total, chunks: new Set(all).size };
}

module.exports = { measure, FIRST_SCREENS };

if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const maxAt = args.indexOf('--max-kb');
  const maxKb = maxAt >= 0 ? Number(args[maxAt + 1]) : null;
  const dir = args.find((a, i) => !a.startsWith('--') && i !== maxAt + 1) ?? 'dist/web';
  const result = measure(path.resolve(dir));
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    for (const [name, { bytes, chunks }] of Object.entries(result.screens)) {
      console.log(`${name}: ${kb(bytes)} JavaScript nén gzip (${chunks} tệp)`);
    }
    console.log(
      `Toàn bộ ứng dụng: ${kb(result.total)} nén gzip, ${result.chunks} tệp (các màn hình khác tải khi mở)`,
    );
  }
  if (maxKb !== null && Object.values(result.screens).some((s) => s.bytes > maxKb * 1024)) {
    console.error(`Vượt ngưỡng ${maxKb} KB cho màn hình đầu tiên`);
    process.exit(1);
  }
}
