import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * nest-cli.json stays true to the repository: `nest build <project>`, `nest start --watch` and
 * `nest generate --project <project>` only work while every project names folders and entry files
 * that exist, and a module or app added without a project would be invisible to them. Read from disk
 * only (no service), like the other repository checks in this folder.
 */
interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
}

interface NestCliConfig {
  monorepo: boolean;
  root: string;
  sourceRoot: string;
  compilerOptions: { builder: string; tsConfigPath: string; deleteOutDir: boolean };
  projects: Record<string, NestProject>;
}

const config = JSON.parse(readFileSync('nest-cli.json', 'utf8')) as NestCliConfig;
const projects = Object.entries(config.projects);
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
/** The Nest applications; apps/console is a browser bundle built by tsconfig.console.json, not by Nest. */
const NEST_APPS = ['api', 'worker'];

/** Where the Nest CLI runs a project from: <outDir of its tsconfig>/<sourceRoot>/<entryFile>.js (see `nest start`). */
function builtEntry(sourceRoot: string, entryFile: string): string {
  const tsconfig = config.compilerOptions.tsConfigPath;
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(tsconfig, ts.sys.readFile).config,
    ts.sys,
    resolve('.'),
    undefined,
    tsconfig,
  );
  return relative('.', join(parsed.options.outDir!, sourceRoot, `${entryFile}.js`));
}

function directories(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

describe('nest-cli.json', () => {
  it('names, for every project, a root, a sourceRoot and an entry file that exist', () => {
    const missing = projects.flatMap(([name, project]) =>
      [project.root, project.sourceRoot, join(project.sourceRoot, `${project.entryFile}.ts`)]
        .filter((path) => !existsSync(path))
        .map((path) => `${name}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a project, named after its folder, for every module in libs/ and every Nest app', () => {
    const expected = [
      ...NEST_APPS.map((app) => ({
        name: app,
        type: 'application',
        root: `apps/${app}`,
        sourceRoot: `apps/${app}/src`,
        entryFile: 'main',
      })),
      ...directories('libs').map((lib) => ({
        name: lib,
        type: 'library',
        root: `libs/${lib}`,
        sourceRoot: `libs/${lib}/src`,
        entryFile: 'index',
      })),
    ];
    const actual = projects.map(([name, project]) => ({ name, ...project }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });

  it('is a monorepo whose default project is the API', () => {
    expect(config.monorepo).toBe(true);
    expect({ root: config.root, sourceRoot: config.sourceRoot }).toEqual({ root: 'apps/api', sourceRoot: 'apps/api/src' });
  });

  it('compiles with tsc into the dist/ that npm start runs, and keeps the rest of dist/ (the console bundle)', () => {
    expect(config.compilerOptions).toMatchObject({ builder: 'tsc', tsConfigPath: 'tsconfig.build.json', deleteOutDir: false });
    for (const app of NEST_APPS) {
      const { sourceRoot, entryFile } = config.projects[app];
      // The tracing preload (docs/operations.md#tracing) comes first; it loads nothing when tracing is off.
      expect(scripts[`start:${app}`]).toBe(`node --import ./dist/apps/${app}/src/instrument.js ${builtEntry(sourceRoot, entryFile)}`);
    }
  });

  it('makes `npm run dev` run the file `npm start` runs (migrations, API and worker)', () => {
    const sourceRoot = /--sourceRoot (\S+)/.exec(scripts.dev)?.[1];
    const entryFile = /--entryFile (\S+)/.exec(scripts.dev)?.[1];
    expect(scripts.dev).toMatch(/^nest start --watch /);
    expect(scripts.start).toBe(`node ${builtEntry(sourceRoot!, entryFile!)}`);
  });
});
