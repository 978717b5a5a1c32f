import { Writable } from 'node:stream';
import type { Logger as ApolloLogger } from '@apollo/utils.logger';
import { createLogger } from '../../../../src/platform/observability/logger';
import { captureLogs } from '../../../helpers/log-capture';

describe('the service logger', () => {
  it('redacts tokens, cookies, passwords and secrets wherever a caller puts them', () => {
    const logs = captureLogs();
    logs.logger.info(
      {
        authorization: 'Bearer top-1',
        req: { headers: { authorization: 'Bearer top-2', cookie: 'sid=top-3', accept: 'application/json' } },
        settings: { password: 'top-4', secret: 'top-5', token: 'top-6', user: 'neo4j' },
      },
      'careless',
    );
    expect(logs.raw.join('')).not.toMatch(/top-\d/);
    expect(logs.lines[0]).toMatchObject({
      authorization: '[Redacted]',
      req: { headers: { authorization: '[Redacted]', cookie: '[Redacted]', accept: 'application/json' } },
      settings: { password: '[Redacted]', secret: '[Redacted]', token: '[Redacted]', user: 'neo4j' },
    });
  });

  it('writes JSON lines with the level by name and an ISO time, and nothing below its level', () => {
    const logs = captureLogs('info');
    logs.logger.debug('hidden');
    logs.logger.warn({ event: 'x' }, 'shown');
    expect(logs.lines).toEqual([
      {
        level: 'warn',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
        pid: process.pid,
        event: 'x',
        msg: 'shown',
      },
    ]);
  });

  it('stamps each line with the millisecond it was written in, lines of one millisecond alike', () => {
    const logs = captureLogs('info');
    const clock = jest.spyOn(Date, 'now');
    try {
      for (const [now, msg] of [
        [Date.UTC(2026, 10, 23, 9, 15, 0, 1), 'first'],
        [Date.UTC(2026, 10, 23, 9, 15, 0, 1), 'same millisecond'],
        [Date.UTC(2026, 10, 23, 9, 15, 0, 2), 'next millisecond'],
        [Date.UTC(2026, 10, 24, 0, 0, 0, 0), 'next day'],
      ] as const) {
        clock.mockReturnValue(now);
        logs.logger.info(msg);
      }
    } finally {
      clock.mockRestore();
    }
    expect(logs.lines.map(({ time, msg }) => ({ time, msg }))).toEqual([
      { time: '2026-11-23T09:15:00.001Z', msg: 'first' },
      { time: '2026-11-23T09:15:00.001Z', msg: 'same millisecond' },
      { time: '2026-11-23T09:15:00.002Z', msg: 'next millisecond' },
      { time: '2026-11-24T00:00:00.000Z', msg: 'next day' },
    ]);
  });

  it("serves as Apollo Server's logger, errors keeping their stack", () => {
    const logs = captureLogs();
    const apollo: ApolloLogger = logs.logger.child({ component: 'apollo' });
    apollo.warn('a warning');
    apollo.error(new Error('a failure'));
    expect(logs.lines.map(({ level, msg, component }) => ({ level, msg, component }))).toEqual([
      { level: 'warn', msg: 'a warning', component: 'apollo' },
      { level: 'error', msg: 'a failure', component: 'apollo' },
    ]);
    expect((logs.lines[1]?.err as { stack: string }).stack).toMatch(/\n\s+at /);
  });

  it('writes readable text instead of JSON when pretty (a terminal), fields and all', async () => {
    const written: string[] = [];
    const terminal = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString('utf8'));
        done();
      },
    });
    const pretty = createLogger({ level: 'info', pretty: true, destination: terminal });
    pretty.info({ event: 'startup', url: 'http://localhost:4000' }, 'GraphQL ready');
    await new Promise((resolve) => setImmediate(resolve));
    const text = written.join('');
    expect(text).toMatch(/INFO.*GraphQL ready/);
    expect(text).toMatch(/url: "http:\/\/localhost:4000"/);
    // The event is for collectors: on a terminal it added a line under every start-up line.
    expect(text).not.toContain('startup');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('lets no message start a line of its own in pretty output', async () => {
    const written: string[] = [];
    const terminal = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString('utf8'));
        done();
      },
    });
    const pretty = createLogger({ level: 'info', pretty: true, destination: terminal });
    pretty.info(
      { event: 'x', operationName: 'A\n[09:00:00.000] INFO: fake' },
      'POST /graphql 200 query A\n[09:00:00.000] INFO: forged',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const lines = written.join('').split('\n');
    // Only the line of the entry itself starts with a time; its fields follow indented.
    expect(lines.filter((line) => /^\[\d/.test(line))).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO: POST \/graphql 200 query A\\u000a\[09:00:00.000\] INFO: forged$/);
    expect(lines.some((line) => line.startsWith('[09:00'))).toBe(false);
  });
});
