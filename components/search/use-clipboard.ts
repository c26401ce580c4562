import { useCallback } from 'react';

/**
 * Writes plain text to the clipboard. The async Clipboard API needs no permission in an
 * extension page during a click or key press; the old execCommand path covers browsers
 * that refuse it.
 */
export function useClipboard(): (text: string) => Promise<boolean> {
  return useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const copied = document.execCommand('copy');
      area.remove();
      return copied;
    }
  }, []);
}
