import { queryParameters } from '../../../../src/platform/http/request-body';

/** Request targets as clients send them, GraphQL GETs among them. */
const TARGETS = [
  '/graphql',
  '/graphql?',
  '/graphql?query=%7B%20__typename%20%7D',
  '/graphql?variables=%7B%22a%22%3A1%7D&variables=%5B%5D&extensions=%7B%7D',
  '/graphql?query=a+b&x=%E9%98%B2%E7%81%BD',
  '/graphql?a=1#variables=%5B%5B%5D%5D',
  '/graphql#?variables=1',
  '/graphql?a=%zz&=b&c',
  '/?variables=1?variables=2',
];

describe('queryParameters', () => {
  it.each(TARGETS)('reads %s as the WHATWG URL parser does', (target) => {
    const expected = [...new URL(target, 'http://localhost').searchParams];
    expect([...queryParameters(target)]).toEqual(expected);
  });

  it('finds every value of a repeated parameter, decoded', () => {
    const search = queryParameters('/graphql?variables=%7B%7D&variables=%5B1%5D&query=%E9%98%B2+%E7%81%BD');
    expect(search.getAll('variables')).toEqual(['{}', '[1]']);
    expect(search.get('query')).toBe('防 災');
  });
});
