import QRCode from 'qrcode';

/**
 * The check-in link as a PNG QR code, for the door: staff scan it and confirm the arrival.
 * Medium error correction survives a cracked phone screen or a creased printout.
 */
export async function checkInQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}
