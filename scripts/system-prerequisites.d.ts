// Types of system-prerequisites.js, so the TypeScript tests share its rule instead of repeating it.
export declare const DEFAULT_CHROMIUM_PATH: string;
export declare function chromiumPath(env?: Readonly<Partial<Record<string, string>>>): string;
export declare const DEBIAN_PACKAGES: {
  readonly java: string;
  readonly maven: string;
  readonly chromium: string;
  readonly japaneseFont: string;
};
export declare const DEBIAN_INSTALL_LINE: string;
