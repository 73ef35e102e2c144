import { Transform } from 'node:stream';

/** A file that is not UTF-8 (a spreadsheet saved as Latin-1 or Windows-1256, say). */
export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super(
      `the file is not UTF-8 (first bad byte on line ${line}); nothing was converted: save it as "CSV UTF-8" and import it again`,
    );
    this.name = 'NotUtf8Error';
  }
}

/**
 * Passes bytes through unchanged, failing with `NotUtf8Error` at the first byte sequence that
 * is not UTF-8. Refused rather than guessed: Latin-1 and Arabic code pages share the same
 * bytes, so a conversion could store Arabic names as French accents.
 */
export function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const readable = chunk.toString('utf8');
        const bad = readable.indexOf('\uFFFD');
        const before = bad < 0 ? readable : readable.slice(0, bad);
        done(new NotUtf8Error(lines + (before.match(/\n/g)?.length ?? 0)));
        return;
      }
      lines += text.match(/\n/g)?.length ?? 0;
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new NotUtf8Error(lines));
      }
    },
  });
}
