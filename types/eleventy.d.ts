/** The part of Eleventy's programmatic API the tests and the bench use (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  export interface EleventyPage {
    readonly url: string | false;
    readonly inputPath: string;
    readonly outputPath: string | false;
    readonly content: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; pathPrefix?: string; runMode?: string });
    toJSON(): Promise<EleventyPage[]>;
    write(): Promise<unknown>;
  }
}
