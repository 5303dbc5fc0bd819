#!/usr/bin/env node
/**
 * The module boundaries of issue 12 §2, checked in `npm run check`:
 *   (a) a file under libs/ never imports from apps/;
 *   (b) a lib imports another lib only through its index (`@eiso/x`, or an alias tsconfig.json
 *       declares such as `@eiso/pdf/testing`), never `@eiso/x/src/...` or `../../x/src/...`;
 *   (c) a lib's SQL and query builders name only its own tables: another domain's people,
 *       agencies or documents are read through that domain's exported directory.
 * Tables belong to the lib that declares their `@Entity`, or to the one RAW_TABLE_OWNERS names;
 * a table the migrations create and nobody owns fails the check too, so a new table cannot slip
 * past (c). Prints `file:line: message` per violation and exits 1 if there is any.
 *
 * Usage: node scripts/check-boundaries.js [root]   (root defaults to the repository)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** Tables no entity maps (written in plain SQL only), with the lib that owns them. */
const RAW_TABLE_OWNERS = {
  record_search: 'records',
  login_failure: 'identity',
  job_outbox: 'queue',
  // A function of the schema (migrations/…-agency-oversight.ts): the province's read model.
  agency_oversight: 'oversight',
  // Views of the schema (migrations/…-file-content.ts): the search's read model of files' text.
  document_text_search: 'search',
  record_text_search: 'search',
};

/** Keywords after which SQL names a table (upper case, as every statement here is written). */
const TABLE_AFTER_KEYWORD =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/g;

/** Query-builder and repository calls whose first argument (or array elements) name a table. */
const TABLE_TAKING_CALLS = new Set([
  'getRepository',
  'createQueryBuilder',
  'from',
  'into',
  'update',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'leftJoinAndMapOne',
  'forFeature',
]);

function listFiles(dir, accept) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listFiles(full, accept));
    } else if (accept(entry.name)) out.push(full);
  }
  return out.sort();
}

const isTs = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');
const isTestCode = (file) => /\.(spec|e2e-spec|testing)\.ts$/.test(file);

function parse(file) {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** The text of a string or template literal, or of each literal part of a template. */
function literalTexts(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  return [];
}

function lineOf(source, node) {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The declared path aliases (`@eiso/x`, `@eiso/pdf/testing`) of tsconfig.json. */
function declaredAliases(root) {
  const file = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(file)) return new Set();
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return new Set(Object.keys(config?.compilerOptions?.paths ?? {}));
}

/** `@Entity({ name: 'x' })` / `@Entity('x')` on a class: [class name, table]. */
function entitiesOf(source) {
  const found = [];
  walk(source, (node) => {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || call.expression.getText(source) !== 'Entity') continue;
      const [arg] = call.arguments;
      let table = node.name.text;
      if (arg && ts.isStringLiteral(arg)) table = arg.text;
      if (arg && ts.isObjectLiteralExpression(arg)) {
        const name = arg.properties.find(
          (p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'name',
        );
        if (name && ts.isStringLiteral(name.initializer)) table = name.initializer.text;
      }
      found.push([node.name.text, table]);
    }
  });
  return found;
}

/** Tables the migrations leave in place (created, not dropped, renames followed), in file order. */
function migratedTables(root) {
  const tables = new Map();
  for (const file of listFiles(path.join(root, 'migrations'), isTs)) {
    const source = parse(file);
    walk(source, (node) => {
      if (!ts.isMethodDeclaration(node) || node.name.getText(source) !== 'up' || !node.body) return;
      walk(node.body, (inner) => {
        for (const text of literalTexts(inner)) {
          for (const m of text.matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)/g))
            tables.set(m[1], path.relative(root, file));
          for (const m of text.matchAll(/\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([a-z0-9_",\s]+)/g))
            for (const name of m[1].split(',')) tables.delete(name.trim().replace(/"/g, '').split(/\s/)[0]);
          for (const m of text.matchAll(
            /\bALTER\s+TABLE\s+"?([a-z_][a-z0-9_]*)"?\s+RENAME\s+TO\s+"?([a-z_][a-z0-9_]*)/g,
          )) {
            tables.set(m[2], tables.get(m[1]) ?? path.relative(root, file));
            tables.delete(m[1]);
          }
        }
      });
    });
  }
  return tables;
}

function checkBoundaries(root) {
  const violations = [];
  const report = (file, line, message) =>
    violations.push(`${path.relative(root, file).split(path.sep).join('/')}:${line}: ${message}`);
  const libsDir = path.join(root, 'libs');
  const appsDir = path.join(root, 'apps');
  const libs = fs.existsSync(libsDir)
    ? fs.readdirSync(libsDir).filter((name) => fs.existsSync(path.join(libsDir, name, 'src')))
    : [];
  const aliases = declaredAliases(root);
  const files = new Map(
    libs.map((lib) => [lib, listFiles(path.join(libsDir, lib, 'src'), isTs).map((f) => [f, parse(f)])]),
  );

  // Who owns each table, and which lib declares each entity class.
  const tableOwner = new Map(Object.entries(RAW_TABLE_OWNERS));
  const entityOwner = new Map();
  for (const [lib, sources] of files) {
    for (const [file, source] of sources) {
      for (const [className, table] of entitiesOf(source)) {
        const owner = tableOwner.get(table);
        if (owner && owner !== lib) report(file, 1, `table ${table} is claimed by ${owner} and ${lib}`);
        tableOwner.set(table, lib);
        entityOwner.set(className, { lib, table });
      }
    }
  }
  for (const [table, migration] of migratedTables(root)) {
    if (!tableOwner.has(table)) {
      report(
        path.join(root, migration),
        1,
        `table ${table} has no owner: map it with an @Entity in its lib, or list it in RAW_TABLE_OWNERS of scripts/check-boundaries.js`,
      );
    }
  }

  for (const [lib, sources] of files) {
    const checkTable = (file, line, table, how) => {
      const owner = tableOwner.get(table);
      if (owner && owner !== lib) {
        report(file, line, `${how} names table ${table} of @eiso/${owner}: read it through @eiso/${owner}`);
      }
    };
    for (const [file, source] of sources) {
      const testCode = isTestCode(file);
      walk(source, (node) => {
        // (a) and (b): every module specifier (import, export … from, require, import()).
        let specifier = null;
        if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
          specifier = node.moduleSpecifier;
        if (
          ts.isCallExpression(node) &&
          (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
            (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
          node.arguments[0] &&
          ts.isStringLiteral(node.arguments[0])
        )
          specifier = node.arguments[0];
        if (specifier && ts.isStringLiteral(specifier)) {
          const target = specifier.text;
          const line = lineOf(source, specifier);
          if (target.startsWith('.')) {
            const resolved = path.resolve(path.dirname(file), target);
            const relativeToLibs = path.relative(libsDir, resolved).split(path.sep);
            if (!path.relative(appsDir, resolved).startsWith('..')) {
              report(file, line, `imports from apps/ ('${target}'): a lib never depends on an app`);
            } else if (relativeToLibs[0] !== '..' && relativeToLibs[0] !== lib) {
              report(
                file,
                line,
                `reaches into @eiso/${relativeToLibs[0]} by path ('${target}'): import '@eiso/${relativeToLibs[0]}'`,
              );
            }
          } else if (target.startsWith('@eiso/') && !aliases.has(target)) {
            const other = target.split('/')[1];
            report(file, line, `imports internals of @eiso/${other} ('${target}'): import '@eiso/${other}'`);
          }
        }
        if (testCode) return;
        // (c) SQL text in string and template literals.
        for (const text of literalTexts(node)) {
          for (const m of text.matchAll(TABLE_AFTER_KEYWORD))
            checkTable(file, lineOf(source, node), m[1], 'SQL');
        }
        // (c) query builders and repositories given another domain's table or entity.
        if (ts.isCallExpression(node)) {
          const callee = node.expression;
          const name = ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : ts.isIdentifier(callee)
              ? callee.text
              : '';
          if (!TABLE_TAKING_CALLS.has(name)) return;
          const [first] = node.arguments;
          const named =
            first && ts.isArrayLiteralExpression(first) ? [...first.elements] : first ? [first] : [];
          for (const arg of named) {
            if (ts.isStringLiteral(arg)) checkTable(file, lineOf(source, arg), arg.text, `${name}()`);
            if (ts.isIdentifier(arg) && entityOwner.has(arg.text)) {
              const { lib: owner, table } = entityOwner.get(arg.text);
              if (owner !== lib) checkTable(file, lineOf(source, arg), table, `${name}(${arg.text})`);
            }
          }
        }
      });
    }
  }
  return violations;
}

module.exports = { checkBoundaries, RAW_TABLE_OWNERS };

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const violations = checkBoundaries(root);
  for (const v of violations) console.error(v);
  if (violations.length) {
    console.error(`Ranh giới mô-đun: ${violations.length} vi phạm (scripts/check-boundaries.js).`);
    process.exit(1);
  }
  console.log('Ranh giới mô-đun: không có vi phạm.');
}
