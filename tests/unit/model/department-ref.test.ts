import { GraphQLError } from 'graphql';
import { RowReader } from '../../../src/db/row-reader';
import { resolveDepartmentRef } from '../../../src/model/department/department-directory';
import { Department } from '../../../src/model/department/department.type';
import { readSeedFile } from '../../../src/ingest/load/seed-file';

/** The real departments of seed/graph.json (from seed/reference/departments.yaml). */
const departments = (readSeedFile()?.graph.nodes ?? [])
  .filter((n) => n.label === 'Department')
  .map((n) => Department.from(new RowReader({ ...n.properties, id: n.id })));

const resolve = (ref: string) => resolveDepartmentRef(ref, departments).id;

/** The error a reference raises, for checking its message and extensions. */
function failure(ref: string, argument?: string): GraphQLError {
  try {
    resolveDepartmentRef(ref, departments, argument);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error(`'${ref}' resolved`);
}

describe('department references', () => {
  it('has the departments to resolve against', () => {
    expect(departments.length).toBeGreaterThan(40);
  });

  it('accepts the id, the bare slug, the Japanese name (spaces ignored) and the English name in any case', () => {
    expect(resolve('department:crisis-management')).toBe('department:crisis-management');
    expect(resolve('crisis-management')).toBe('department:crisis-management');
    expect(resolve('危機管理課')).toBe('department:crisis-management');
    expect(resolve(' 危機 管理課 ')).toBe('department:crisis-management');
    expect(resolve('CRISIS MANAGEMENT DIVISION')).toBe('department:crisis-management');
  });

  it('folds width before comparing (full-width Latin is the same name)', () => {
    expect(resolve('ｃｒｉｓｉｓ－ｍａｎａｇｅｍｅｎｔ')).toBe('department:crisis-management');
  });

  it('takes the one department whose English name has every word given, as word prefixes', () => {
    expect(resolve('citizen activity division')).toBe('department:citizen-activity-promotion');
    expect(resolve('child-rearing')).toBe('department:child-rearing-support');
    expect(resolve('livelihood supp')).toBe('department:livelihood-support');
  });

  it('names the candidates when the words fit several departments', () => {
    const error = failure('management division');
    expect(error.message).toMatch(/^department "management division" \(department\) is ambiguous: it matches /);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'department' });
    expect(error.extensions.candidates).toEqual(
      expect.arrayContaining([
        'department:administrative-management',
        'department:crisis-management',
        'department:road-management',
      ]),
    );
  });

  it('suggests the closest departments, Japanese or English, when nothing matches', () => {
    const japanese = failure('市民活動課', 'filter.department');
    expect(japanese.message).toMatch(
      /^no department matches "市民活動課" \(filter\.department\)\. Closest: 市民活動推進課 /,
    );
    expect(japanese.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.department' });
    expect(japanese.extensions.candidates).toHaveLength(3);
    expect((japanese.extensions.candidates as string[])[0]).toBe('department:citizen-activity-promotion');
    const english = failure('crisis managers office');
    expect((english.extensions.candidates as string[])[0]).toBe('department:crisis-management');
  });

  it('treats an empty reference as matching nothing', () => {
    expect(failure('   ').message).toMatch(/^no department matches "   "/);
  });
});
