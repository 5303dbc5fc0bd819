import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from './audit-actions';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Every `action: …` of the server's code (not its tests), with the ternary branches of a value
 * written over several lines: the actions it can write to the trail.
 */
function actionsInSource(): { file: string; action: string }[] {
  const found: { file: string; action: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.testing.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/\baction:\s*([^,;}\n]*(?:\n\s*[?:][^,;}\n]*)*)/g)) {
          const value = m[1];
          for (const literal of value.matchAll(/['"`]([^'"`]*)['"`]/g)) {
            // Words with spaces or diacritics are labels (e.g. a field named `action`), not codes.
            if (/\s|[^\x20-\x7e]/.test(literal[1])) continue;
            found.push({ file: relative(ROOT, path), action: literal[1] });
          }
        }
      }
    }
  };
  walk(join(ROOT, 'libs'));
  walk(join(ROOT, 'apps'));
  return found;
}

describe('audit action labels', () => {
  const written = actionsInSource();

  it('finds the actions the code records (the scan itself works)', () => {
    const actions = written.map((w) => w.action);
    for (const known of ['document_version.issued', 'user.created', 'auth.locked', 'auth.login_failed']) {
      expect(actions).toContain(known);
    }
  });

  it('has a Vietnamese label for every action recorded anywhere in the code', () => {
    const unlabelled = written.filter(
      (w) => !Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, w.action),
    );
    // Template literals (`${…}`) cannot be checked and are refused too.
    expect(unlabelled).toEqual([]);
  });

  it('labels each action once, differently from the others, in words and not codes', () => {
    const labels = AUDIT_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) {
      expect(label).toMatch(/^\p{Lu}/u);
      expect(label).not.toMatch(/[._]/);
      expect(label).toBe(label.normalize('NFC'));
    }
    expect(auditActionLabel('document_version.issued')).toBe('Ban hành tài liệu');
  });

  it('keeps an unknown action readable instead of failing', () => {
    expect(auditActionLabel('cu.da_doi_ten')).toBe('Thao tác khác (cu.da_doi_ten)');
  });
});
