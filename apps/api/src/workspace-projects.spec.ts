import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The workspace lists each lib in two places the tools read: tsconfig.json `paths` (the compiler,
 * tsc-alias and jest's moduleNameMapper, derived from it) and nest-cli.json `projects`. A new
 * libs/<name> folder left out of either compiles in one tool and not in the other.
 */
const ROOT = join(__dirname, '..', '..', '..');

function json<T>(file: string): T {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
}

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
}

const libs = readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'libs', entry.name, 'src', 'index.ts')))
  .map((entry) => entry.name)
  .sort();
const paths = json<{ compilerOptions: { paths: Record<string, string[]> } }>('tsconfig.json').compilerOptions
  .paths;
const projects = json<{ projects: Record<string, NestProject> }>('nest-cli.json').projects;

describe('workspace projects', () => {
  it('finds the libs', () => {
    expect(libs).toEqual(expect.arrayContaining(['common', 'database', 'documents', 'records']));
  });

  it.each(libs)('libs/%s has the alias @eiso/<name> in tsconfig.json paths', (lib) => {
    expect(paths[`@eiso/${lib}`]).toEqual([`libs/${lib}/src`]);
  });

  it.each(libs)('libs/%s is a library project of nest-cli.json', (lib) => {
    expect(projects[lib]).toEqual({ type: 'library', root: `libs/${lib}`, sourceRoot: `libs/${lib}/src` });
  });

  it('lists no project or alias whose folder is gone', () => {
    const missingTargets = Object.entries(paths)
      .filter(([, [target]]) => !existsSync(join(ROOT, target)) && !existsSync(join(ROOT, `${target}.ts`)))
      .map(([alias]) => alias);
    const missingProjects = Object.entries(projects)
      .filter(([, project]) => !existsSync(join(ROOT, project.sourceRoot)))
      .map(([name]) => name);
    expect({ missingTargets, missingProjects }).toEqual({ missingTargets: [], missingProjects: [] });
  });

  it('lists both apps', () => {
    for (const app of ['api', 'worker']) {
      expect(projects[app]).toMatchObject({ type: 'application', root: `apps/${app}` });
    }
  });
});
