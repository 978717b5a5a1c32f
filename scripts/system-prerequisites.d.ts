// Types of system-prerequisites.js, so the TypeScript tests share its rule instead of repeating it.
export declare const DEFAULT_CHROMIUM_PATH: string;
export declare function chromiumPath(env?: Readonly<Partial<Record<string, string>>>): string;
/** The nginx on PATH, else Debian's /usr/sbin/nginx; undefined when there is none. */
export declare function nginxPath(env?: Readonly<Partial<Record<string, string>>>): string | undefined;
export declare const DEBIAN_PACKAGES: {
  readonly java: string;
  readonly maven: string;
  readonly chromium: string;
  readonly japaneseFont: string;
  readonly nginx: string;
  readonly prometheus: string;
  readonly minchoFont: string;
  readonly weasyprint: string;
  readonly ghostscript: string;
  readonly officeWriter: string;
  readonly officeCalc: string;
  readonly poppler: string;
};
/** Whether `path` is a file this process may run. */
export declare function isExecutable(path: string): boolean;
export declare const DEBIAN_INSTALL_LINE: string;
