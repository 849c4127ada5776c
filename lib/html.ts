/**
 * HTML read as a stream of tags and text, by htmlparser2: entities decoded, comments
 * and declarations skipped, and reading stops as soon as the reader has what it needs.
 * The only module of lib/ that imports htmlparser2.
 */
import { Parser } from 'htmlparser2';

/** Told of each tag and each piece of text in document order; returning `false` stops the reading. */
export interface HtmlReader {
  readonly openTag?: (name: string, attributes: Readonly<Record<string, string>>) => boolean | void;
  readonly closeTag?: (name: string) => boolean | void;
  readonly text?: (text: string) => boolean | void;
}

/** Reads `html` through `reader`. Tag names come lower-cased; implied end tags (`<p>` before `<div>`) are reported too. */
export function readHtml(html: string, reader: HtmlReader): void {
  let reading = true;
  const tell = (answer: boolean | void) => {
    if (answer !== false) return;
    reading = false;
    parser.pause();
  };
  const parser = new Parser({
    onopentag: (name, attributes) => reading && tell(reader.openTag?.(name, attributes)),
    onclosetag: (name) => reading && tell(reader.closeTag?.(name)),
    ontext: (text) => reading && tell(reader.text?.(text)),
  });
  parser.write(html);
  parser.end();
}
