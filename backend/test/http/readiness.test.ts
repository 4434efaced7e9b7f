import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/create-http-app.js';
import { AppError } from '../../src/shared/errors.js';
import { createLogger } from '../../src/shared/logger.js';
import { createMetrics } from '../../src/shared/metrics.js';

describe('GET /readyz', () => {
  const logLines: string[] = [];
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    const app = createHttpApp({
      logger: createLogger('debug', {}, (line) => logLines.push(line)),
      metrics: createMetrics(),
      webDir: '/nonexistent',
      readiness: [
        { name: 'database', check: async () => undefined },
        {
          name: 'jira',
          check: async () => {
            throw new AppError('unavailable:jira_config', undefined, {
              cause: new Error("jira probe failed: The value 'OPS' does not exist for the field 'project'."),
            });
          },
        },
      ],
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 503 naming the failing part and its cause for the operator', async () => {
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'unavailable',
      failing: ['jira'],
      checks: { database: 'ok', jira: 'failing' },
      causes: {
        jira: "unavailable:jira_config: jira probe failed: The value 'OPS' does not exist for the field 'project'.",
      },
    });
    expect(logLines.join('\n')).toContain('readiness check failed');
  });

  it('answers an unknown route with a coded JSON error and no stack', async () => {
    const res = await fetch(`${url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found:route', message: 'Not found.' } });
  });
});
