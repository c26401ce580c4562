/**
 * zod's English issue messages ("Invalid input: expected string, received number").
 *
 * The schemas are zod/mini ones, and zod/mini loads no locale: without this every issue that
 * has no message of its own reads just "Invalid input". Classic zod sets the same locale when
 * it is imported; importing this module says so explicitly, wherever zod's messages reach a
 * person: the options page (policy and outbox problems), the background (sync details), the
 * CLI and the workbench. The popup loads it only when it has a problem to show (see
 * utils/catalogue/packed.ts), so that its bundle does not carry the texts.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
