import { shell } from './en/shell.ts';
import { conversations } from './en/conversations.ts';
import { figures } from './en/figures.ts';
import { content } from './en/content.ts';
import { hoaxDesk } from './en/hoax-desk.ts';
import type { MessageKey } from './id.ts';

/** English: the same keys as `id.ts`, one module per part in `en/`. */
export const en: Record<MessageKey, string> = { ...shell, ...conversations, ...figures, ...content, ...hoaxDesk };
