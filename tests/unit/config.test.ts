import { readFileSync } from 'node:fs';
import { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to the embedded Neo4j on 7687 with data under .data/neo4j and HTTP on 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j).toBeUndefined();
    expect(config.embedded.port).toBe(7687);
    expect(config.embedded.dataDirectory).toMatch(/\.data[/\\]neo4j$/);
    expect(config.introspection).toBe(true);
  });

  it('uses an external Neo4j when NEO4J_URI is given', () => {
    const config = loadConfig({
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toEqual({ uri: 'bolt://db:7687', user: 'u', password: 'p', database: 'graph' });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 1 to 65535, got '70000'/],
    ['EMBEDDED_NEO4J_PORT', '-1', /EMBEDDED_NEO4J_PORT/],
    ['NEO4J_URI', 'http://db:7474', /NEO4J_URI must look like bolt:\/\//],
    ['INTROSPECTION', 'maybe', /INTROSPECTION must be true or false, got 'maybe'/],
    ['EMBEDDED_NEO4J_PASSWORD', 'short', /EMBEDDED_NEO4J_PASSWORD must be one line of at least 8 characters, got 5/],
    ['EMBEDDED_NEO4J_PASSWORD', 'two\nlines here', /EMBEDDED_NEO4J_PASSWORD must be one line/],
  ])('stops with a message naming %s when it is %p', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('takes the embedded Neo4j password from EMBEDDED_NEO4J_PASSWORD, and leaves it to be generated without one', () => {
    expect(loadConfig({ EMBEDDED_NEO4J_PASSWORD: 'a long secret' }).embedded.password).toBe('a long secret');
    expect(loadConfig({}).embedded.password).toBeUndefined();
  });

  it('is frozen, so no code changes it after start-up', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('lists every variable it reads in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(ENVIRONMENT_VARIABLES)) expect(example).toContain(`${name}=`);
  });
});
