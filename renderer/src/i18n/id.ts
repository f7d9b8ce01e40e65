import { shell } from './id/shell.ts';
import { conversations } from './id/conversations.ts';
import { figures } from './id/figures.ts';
import { content } from './id/content.ts';
import { hoaxDesk } from './id/hoax-desk.ts';

/**
 * Bahasa Indonesia: the console's default language, one module per part of the console in `id/`.
 * `en.ts` has the same keys (the type checks it, part by part). `{name}` is filled in by
 * `t(key, { name })`. A screen adds its keys to its part, or a new part joined here and in `en.ts`.
 */
export const id = { ...shell, ...conversations, ...figures, ...content, ...hoaxDesk };

export type MessageKey = keyof typeof id;
