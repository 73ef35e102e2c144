import QRCode from 'qrcode';
import { checkInQrPng } from '../../mail/check-in-qr';

// pngjs (a dev dependency, also used by qrcode) has no type declarations: the little of it used here, typed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
};

describe('the check-in QR code', () => {
  const url = 'https://multaqa.example.org/links/check-in/eyJ2IjoxfQ.c2lnbmF0dXJl';

  it('is a valid PNG whose dark and light squares are exactly the QR code of the link', async () => {
    const png = PNG.sync.read(await checkInQrPng(url));
    const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const pixelsPerModule = png.width / (modules.size + 4);
    expect(png.width).toBe(png.height);
    expect(Number.isInteger(pixelsPerModule)).toBe(true);
    let dark = 0;
    for (let row = -2; row < modules.size + 2; row += 1) {
      for (let column = -2; column < modules.size + 2; column += 1) {
        const x = Math.floor((column + 2 + 0.5) * pixelsPerModule);
        const y = Math.floor((row + 2 + 0.5) * pixelsPerModule);
        const value = png.data[(y * png.width + x) * 4] ?? -1;
        const inside = row >= 0 && column >= 0 && row < modules.size && column < modules.size;
        const expected = inside && modules.get(row, column) ? 0 : 255;
        expect(value).toBe(expected);
        if (expected === 0) dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(100);
  });

  it('is the same image for the same link', async () => {
    expect((await checkInQrPng(url)).equals(await checkInQrPng(url))).toBe(true);
    expect((await checkInQrPng(url)).equals(await checkInQrPng(`${url}x`))).toBe(false);
  });
});
