import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const MODULE_PIXELS = 4;
const QUIET_ZONE_MODULES = 2;

const CRC_TABLE = Array.from({ length: 256 }, (_unused, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * The check-in link as a PNG QR code, for the door: staff scan it and confirm the arrival.
 * Medium error correction survives a cracked phone screen or a creased printout. The PNG is a
 * plain 8-bit greyscale image written here (the library's PNG writer tries every row filter
 * and costs tens of milliseconds a code; this costs well under one).
 */
export async function checkInQrPng(url: string): Promise<Buffer> {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const side = (modules.size + 2 * QUIET_ZONE_MODULES) * MODULE_PIXELS;
  const rowBytes = side + 1;
  const raw = Buffer.alloc(rowBytes * side, 0xff);
  for (let y = 0; y < side; y += 1) {
    raw[y * rowBytes] = 0; // filter: none
    const row = Math.floor(y / MODULE_PIXELS) - QUIET_ZONE_MODULES;
    if (row < 0 || row >= modules.size) continue;
    for (let x = 0; x < side; x += 1) {
      const column = Math.floor(x / MODULE_PIXELS) - QUIET_ZONE_MODULES;
      if (column >= 0 && column < modules.size && modules.get(row, column))
        raw[y * rowBytes + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
