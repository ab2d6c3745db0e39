import { readdirSync, readFileSync } from 'node:fs';

/**
 * docs/architecture.md's table "Modules and what they own" lists each library's and app's public
 * surface; this keeps it true. A name exported by an index.ts and missing from its row, or a name
 * in a row that its index.ts does not export, fails — so the table cannot drift again.
 */
const SURFACES = [
  ...readdirSync('libs').map((name) => ({ name, index: `libs/${name}/src/index.ts` })),
  { name: 'apps/api', index: 'apps/api/src/index.ts' },
  { name: 'apps/worker', index: 'apps/worker/src/index.ts' },
];

function exportedNames(index: string): string[] {
  const source = readFileSync(index, 'utf8');
  const names = new Set<string>();
  for (const [, list] of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of list.split(',')) {
      const name = item
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  for (const [, name] of source.matchAll(/export\s+(?:abstract\s+)?(?:class|const|function|interface|type|enum)\s+([A-Za-z0-9_]+)/g))
    names.add(name);
  return [...names].sort();
}

function documentedNames(module: string): string[] | undefined {
  const table = readFileSync('docs/architecture.md', 'utf8');
  const row = table.split('\n').find((line) => new RegExp(`^\\|\\s*\`${module}\`\\s*\\|`).test(line));
  if (!row) return undefined;
  const surface = row.split('|').at(-2) ?? '';
  return [...new Set([...surface.matchAll(/`([A-Za-z0-9_]+)`/g)].map(([, name]) => name))].sort();
}

describe("docs/architecture.md's table of public surfaces", () => {
  it.each(SURFACES)('lists exactly what $index exports', ({ name, index }) => {
    expect(documentedNames(name)).toEqual(exportedNames(index));
  });
});
