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
    ['AUTH_SECRET', 'short', /AUTH_SECRET must be at least 32 characters long, got 5/],
    ['AUTH_JWKS_URL', 'http://idp.example.org/jwks', /AUTH_JWKS_URL must use https:\/\//],
    ['AUTH_JWKS_URL', 'not a url', /AUTH_JWKS_URL must be a URL/],
    ['ANONYMOUS_READ', 'sometimes', /ANONYMOUS_READ must be true or false/],
  ])('stops with a message naming %s when it is %p', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads sign-in settings: no tokens and anonymous reads by default', () => {
    expect(loadConfig({}).auth).toEqual({ secret: undefined, jwksUrl: undefined, anonymousRead: true });
    const secret = 'x'.repeat(32);
    const auth = loadConfig({
      AUTH_SECRET: secret,
      AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks.json',
      ANONYMOUS_READ: 'false',
    }).auth;
    expect(auth).toEqual({ secret, jwksUrl: 'http://127.0.0.1:9000/jwks.json', anonymousRead: false });
  });

  it('never puts AUTH_SECRET into its error messages', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'hunter2-too-short' })).toThrow(/got 17$/);
  });

  it('is frozen, so no code changes it after start-up', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('lists every variable it reads in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(ENVIRONMENT_VARIABLES)) expect(example).toContain(`${name}=`);
  });

  it("lists every variable in the README's configuration table", () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(ENVIRONMENT_VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});
