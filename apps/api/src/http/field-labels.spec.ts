import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { getMetadataStorage, IsInt, IsString, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FIELD_LABEL_RULE, fieldLabelOf, fieldLabelOfPath } from './field-labels';
import { RULE_TEXTS } from './http.messages';

type Constructor = abstract new (...args: never[]) => unknown;

/** Metadata that is no rule of a value: when a rule applies, the label itself, an unknown field. */
const NOT_RULES = new Set(['conditionalValidation', 'whitelistValidation', FIELD_LABEL_RULE]);

function rulesOf(type: Constructor) {
  return getMetadataStorage()
    .getTargetValidationMetadatas(type, '', true, false)
    .map((m) => ({
      property: m.propertyName,
      rule: m.name ?? m.type,
      nested: m.type === 'nestedValidation',
    }));
}

/** Every DTO the validation pipe sees: the classes of the routes' parameters, and the classes nested in them. */
async function dtosOfControllers(): Promise<Constructor[]> {
  const root = join(__dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.controller.ts'),
  );
  const found = new Set<Constructor>();
  const visit = (type: unknown): void => {
    if (typeof type !== 'function' || found.has(type as Constructor)) return;
    const rules = rulesOf(type as Constructor);
    if (rules.length === 0) return;
    found.add(type as Constructor);
    for (const { property, nested } of rules) {
      if (nested)
        visit(Reflect.getMetadata('design:type', (type as Constructor).prototype as object, property));
    }
  };
  for (const file of files) {
    const exported = (await import(join(root, file))) as Record<string, unknown>;
    for (const controller of Object.values(exported)) {
      if (typeof controller !== 'function' || Reflect.getMetadata(PATH_METADATA, controller) === undefined) {
        continue;
      }
      const prototype = (controller as Constructor).prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        const params = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
        params.forEach(visit);
      }
    }
  }
  return [...found];
}

/** `Class.property` of each validated property with no Vietnamese label. */
function unlabelled(types: Constructor[]): string[] {
  return types.flatMap((type) =>
    [...new Set(rulesOf(type).map((r) => r.property))]
      .filter((property) => fieldLabelOf(type, property) === undefined)
      .map((property) => `${type.name}.${property}`),
  );
}

/** `Class.property: rule` of each rule the message catalogue has no words for. */
function unworded(types: Constructor[]): string[] {
  return types.flatMap((type) =>
    rulesOf(type)
      .filter(({ rule }) => !NOT_RULES.has(rule) && !(rule in RULE_TEXTS))
      .map(({ property, rule }) => `${type.name}.${property}: ${rule}`),
  );
}

describe('Vietnamese field labels', () => {
  let dtos: Constructor[] = [];
  beforeAll(async () => (dtos = await dtosOfControllers()));

  it('finds the DTOs of the routes, nested ones included', () => {
    const names = dtos.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'CreateDocumentDto',
        'DistributionDto',
        'IssueDto',
        'LoginDto',
        'ListRecordsQueryDto',
      ]),
    );
    expect(dtos.length).toBeGreaterThan(25);
  });

  it('label every validated property of every DTO', () => {
    expect(unlabelled(dtos)).toEqual([]);
  });

  it('have words for every rule a DTO uses, so that each message says what is expected', () => {
    expect(unworded(dtos)).toEqual([]);
  });

  it('would catch a DTO with a field nobody labelled, or a bare pattern', () => {
    class Careless {
      @IsString()
      @Matches(/^x+$/)
      mystery: string;

      @IsInt()
      page: number;
    }
    expect(unlabelled([Careless])).toEqual(['Careless.mystery']);
    expect(unworded([Careless])).toEqual(['Careless.mystery: matches']);
  });

  it('labels a dotted path through nested DTOs, counting list items from 1', () => {
    class Inner {
      @IsString()
      orgUnitIds: string;
    }
    class Outer {
      @ValidateNested()
      @Type(() => Inner)
      distribution: Inner;
    }
    expect(fieldLabelOfPath(Outer, 'distribution.orgUnitIds.0')).toBe(
      'Danh sách phân phối › Phòng, ban nhận (mục 1)',
    );
    expect(fieldLabelOfPath(undefined, '')).toBe('Dữ liệu gửi lên');
    expect(fieldLabelOfPath(undefined, 'khong-ro')).toBe('khong-ro');
  });
});
