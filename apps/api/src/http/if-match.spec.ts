import { DECORATORS } from '@nestjs/swagger';
import { IfMatchOptional, IfMatchRequired } from './if-match';

class Routes {
  edit(@IfMatchRequired() expectedVersion: number): number {
    return expectedVersion;
  }

  transition(@IfMatchOptional() expectedVersion?: number): number | undefined {
    return expectedVersion;
  }
}

function documented(method: keyof Routes) {
  const handler = Routes.prototype[method];
  const parameters = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, handler) ?? []) as {
    name: string;
    in: string;
    required?: boolean;
  }[];
  const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<string, unknown>;
  return {
    headers: parameters.filter((p) => p.in === 'header').map((p) => ({ name: p.name, required: p.required })),
    statuses: Object.keys(responses).sort(),
  };
}

describe('If-Match decorators document what they read', () => {
  it('marks the header required, with 412 and 428, where the server answers 428 without it', () => {
    expect(documented('edit')).toEqual({
      headers: [{ name: 'If-Match', required: true }],
      statuses: ['412', '428'],
    });
  });

  it('marks it optional, with 412 only, where a transition merely accepts it', () => {
    expect(documented('transition')).toEqual({
      headers: [{ name: 'If-Match', required: false }],
      statuses: ['412'],
    });
  });
});
