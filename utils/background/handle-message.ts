import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { onMessage, type MessageName, type ProtocolMap } from '../messaging';
import { reportDraftSchema } from '../reports/draft';

/**
 * What each message's data must be. A message crosses a trust boundary (any extension page
 * can send it), so its handler sees only data that passed this check. The `satisfies` keeps
 * this list complete: a new message in the protocol map without a check does not compile.
 */
export const MESSAGE_DATA = {
  'sync.refreshNow': z.union([z.undefined(), z.null()]),
  'reports.submit': reportDraftSchema,
  'reports.retry': z.strictObject({ id: z.uuid() }),
  'reports.discard': z.strictObject({ id: z.uuid() }),
  'reports.checkAnswers': z.union([z.undefined(), z.null()]),
  'reports.answersSeen': z.strictObject({ ids: z.array(z.uuid()).check(z.maxLength(1000)) }),
} satisfies { [Name in MessageName]: z.ZodMiniType };

type Handler<Name extends MessageName> = (
  data: GetDataType<ProtocolMap[Name]>,
) => GetReturnType<ProtocolMap[Name]> | Promise<GetReturnType<ProtocolMap[Name]>>;

/** The messages handled in this context: one handler each (a second would race the first). */
const handled = new Map<MessageName, () => void>();

export function handleMessage<Name extends MessageName>(name: Name, handler: Handler<Name>): () => void {
  if (handled.has(name)) throw new Error(`message ${name} already has a handler`);
  const schema = MESSAGE_DATA[name] as z.ZodMiniType;
  const remove = onMessage(name, (message) => handler(schema.parse(message.data) as GetDataType<ProtocolMap[Name]>) as never);
  const unregister = () => {
    remove();
    handled.delete(name);
  };
  handled.set(name, unregister);
  return unregister;
}

/** Removes every handler of this context (tests start each case from none). */
export function removeMessageHandlers(): void {
  for (const unregister of [...handled.values()]) unregister();
}
