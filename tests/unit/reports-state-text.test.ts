import { describe, expect, it } from 'vitest';
import { reportStateText } from '@/components/reports/state-text';
import { createTranslator } from '@/utils/i18n/messages';
import { NETWORK_ERROR, NO_ENDPOINT } from '@/utils/reports/delivery';

describe('report states in the nurse’s words', () => {
  const t = createTranslator('fi');

  it('names each state in Finnish, with the reason of a failure', () => {
    expect(reportStateText(t, { status: 'pending', nextAttemptAt: 0 })).toBe('odottaa');
    expect(reportStateText(t, { status: 'delivered', deliveredAt: 0 })).toBe('lähetetty');
    expect(reportStateText(t, { status: 'failed', failedAt: 0, reason: 'HTTP 400 Bad Request: tuntematon palvelu' })).toBe(
      'epäonnistui: HTTP 400 Bad Request: tuntematon palvelu',
    );
    expect(reportStateText(t, { status: 'handed-to-email', handedAt: 0, to: 'a@b.fi' })).toBe('sähköpostilla');
  });

  it('words the extension’s own reasons instead of showing codes', () => {
    expect(reportStateText(t, { status: 'pending', nextAttemptAt: 0, lastError: NETWORK_ERROR })).toBe('odottaa, edellinen yritys: ei yhteyttä vastaanottajaan');
    expect(reportStateText(createTranslator('sv'), { status: 'failed', failedAt: 0, reason: NO_ENDPOINT })).toBe('misslyckades: ingen mottagaradress har angetts');
  });
});
