/**
 * The part of `negotiator` 1.x (the content negotiation that Express's `accepts` and Apollo Server use) that
 * this service calls. DefinitelyTyped's types describe 0.6, which has no `preferred` option.
 */
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { readonly headers: Readonly<Record<string, string | readonly string[] | undefined>> });
    /**
     * The client's most wanted of `available` (`identity` counts as acceptable unless refused); among equal
     * q-values, the first of `preferred`.
     */
    encoding(available: readonly string[], options?: { readonly preferred?: readonly string[] }): string | undefined;
    /**
     * The client's most wanted of `available` by Accept-Language (a range such as `ja` also matches `ja-JP`);
     * without the header, the first of `available`; undefined when it accepts none of them.
     */
    language(available: readonly string[]): string | undefined;
  }
  export = Negotiator;
}
