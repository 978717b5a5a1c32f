import { readFileSync } from 'node:fs';
import { PACKAGE_INFO } from '../../../src/core/package-info';

/**
 * Versioned releases (docs/operators.md "Upgrades and rollbacks"): the changelog opens with Unreleased, then one
 * dated section per version, newest first, and the version package.json gives (and `serviceInfo { version }`
 * answers) has its section.
 */
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const headings = [...changelog.matchAll(/^## (.*)$/gm)].map((match) => match[1] ?? '');
const RELEASE = /^\[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$/;

describe('CHANGELOG.md', () => {
  it('opens with Unreleased, then only dated version sections', () => {
    expect(headings[0]).toBe('[Unreleased]');
    const releases = headings.slice(1);
    expect(releases.length).toBeGreaterThan(0);
    for (const heading of releases) expect(heading).toMatch(RELEASE);
  });

  it("has a section for package.json's version", () => {
    expect(headings.some((heading) => heading.startsWith(`[${PACKAGE_INFO.version}] - `))).toBe(true);
  });

  it('lists versions newest first, each once, with dates that do not go back', () => {
    const releases = headings.slice(1).map((heading) => {
      const [, major, minor, patch, date] = RELEASE.exec(heading) ?? [];
      return { rank: Number(major) * 1e6 + Number(minor) * 1e3 + Number(patch), date: date ?? '' };
    });
    for (let i = 1; i < releases.length; i++) {
      const [newer, older] = [releases[i - 1], releases[i]];
      expect(newer && older && newer.rank > older.rank && newer.date >= older.date).toBe(true);
    }
  });
});
