/**
 * The maintainer's reply to the nurse, checked before a report is closed: plain text (line breaks
 * kept, other control characters dropped), at most REPLY_MAX characters, and never a Finnish
 * personal identity code (the same guard as the extension and the intake: the reply leaves the
 * workbench and is shown to the nurse).
 */
import { REPLY_MAX } from '@jarjestoopas/utils/reports/answer';
import { findPersonalIdentityCodes } from '@jarjestoopas/utils/reports/guard';

export type ReplyCheck = { ok: true; reply: string } | { ok: false; problem: 'identity-code' | 'too-long' };

export function checkReply(typed: string): ReplyCheck {
  const reply = typed
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  if (findPersonalIdentityCodes(reply).length > 0) return { ok: false, problem: 'identity-code' };
  if (reply.length > REPLY_MAX) return { ok: false, problem: 'too-long' };
  return { ok: true, reply };
}
