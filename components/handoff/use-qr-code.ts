import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A website as a QR code (an SVG data URL from the `qrcode` library); null until it is made. */
export function useQrCode(url: string | undefined): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let active = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(
      (text) => active && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`),
      () => active && setSvg(null),
    );
    return () => {
      active = false;
    };
  }, [url]);
  return url ? svg : null;
}
