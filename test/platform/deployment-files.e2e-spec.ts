import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// js-yaml comes with @nestjs/swagger (it writes the OpenAPI document as YAML).
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { AppConfig } from '@eiso/config';
import { ROOT } from '../support/process';

interface ComposeService {
  image?: string;
  command?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

// Compose files share settings with `<<: *app` merge keys, which YAML 1.2 leaves to the schema.
const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
  schema: CORE_SCHEMA.withTags(mergeTag),
}) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);
const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** `registry/name:tag` → its tag; a port in the registry host is no tag. */
function tagOf(image: string): string | undefined {
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? undefined : lastPart.slice(colon + 1);
}

/** A release, not a moving name: `16.14`, `7.4.11`, `20.20.2-bookworm-slim`, or MinIO's dated tags. */
const PINNED = /^(\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?|RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)$/;

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(ms|s|m)$/.exec(duration ?? '');
  if (!match) return 0;
  return Number(match[1]) * { ms: 0.001, s: 1, m: 60 }[match[2] as 'ms' | 's' | 'm'];
}

/** docker-compose.yml and the Dockerfile as deployed: what a restart pulls, what the host exposes. */
describe('deployment files', () => {
  it('pins every image of docker-compose.yml to a release, never latest', () => {
    expect(services.length).toBeGreaterThanOrEqual(6);
    for (const [name, service] of services) {
      expect({ name, image: service.image }).toEqual({ name, image: expect.any(String) });
      const tag = tagOf(service.image!);
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(PINNED) });
    }
  });

  it("tags the application's own image with the version in package.json", () => {
    for (const name of ['migrate', 'api', 'worker']) {
      expect(compose.services[name].image).toBe(`eiso:${packageVersion}`);
    }
  });

  it('keeps the MinIO console on this host, and publishes nothing but the API to the network', () => {
    const minio = compose.services.minio;
    expect(minio.command).toEqual(expect.arrayContaining(['--console-address', ':9001']));
    expect(minio.ports).toEqual(['127.0.0.1:9001:9001']);
    for (const [name, service] of services) {
      if (name === 'api') continue;
      for (const port of service.ports ?? [])
        expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });

  it('gives the api and worker longer to stop than their own shutdown deadline', () => {
    const deadline = new AppConfig().SHUTDOWN_TIMEOUT_MS / 1000 + 1;
    for (const name of ['api', 'worker']) {
      expect(seconds(compose.services[name].stop_grace_period)).toBeGreaterThan(deadline);
    }
  });

  it('builds on a pinned Node.js release in every stage of the Dockerfile', () => {
    const froms = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => /^FROM\s/i.test(line))
      .map((line) => line.split(/\s+/)[1]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image).toMatch(/^node:\d+\.\d+\.\d+-[a-z-]+$/);
    expect(new Set(froms).size).toBe(1);
  });
});
