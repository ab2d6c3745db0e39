import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The repository documents itself: README.md and docs/ tell a user everything, so no tracked file
 * may link to or cite documents that live outside it (the team's shared folder beside the clone).
 * Cite a page of docs/ instead, or give the reason in plain words.
 */
const OUTSIDE_REFERENCES: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\.\.\/shared\b/, what: 'a path into ../shared' },
  { pattern: /\bSPEC\b/, what: 'a citation of the team specification (SPEC §…, SPEC.md, "the SPEC")' },
  { pattern: /\b(STACK|STYLE)\.md\b/, what: 'a shared document that is not in the repository' },
];

const THIS_FILE = 'test/foundation/no-outside-links.e2e-spec.ts';

function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.filter((file) => file !== THIS_FILE && existsSync(file));
}

describe('no tracked file points outside the repository', () => {
  it('cites docs/ rather than ../shared or the team specification', () => {
    const offences: string[] = [];
    for (const file of trackedTextFiles()) {
      const content = readFileSync(file);
      if (content.includes(0)) continue; // binary: images, fonts
      content
        .toString('utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const { pattern, what } of OUTSIDE_REFERENCES) {
            if (pattern.test(line)) offences.push(`${file}:${index + 1}: ${what}: ${line.trim().slice(0, 120)}`);
          }
        });
    }
    expect(offences).toEqual([]);
  });
});
