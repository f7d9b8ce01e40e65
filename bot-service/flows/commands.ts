/**
 * Words citizens type to steer the bot (not content: what they type, not what we say).
 * Compared after `normalizeCommand`, in either language whatever the contact's language.
 */

const set = (...words: string[]): ReadonlySet<string> => new Set(words);

export const COMMANDS = {
  menu: set('menu', 'menu utama', 'main menu', 'mulai', 'start', 'help', 'bantuan', 'home', 'kembali', 'back'),
  greeting: set(
    'halo', 'hallo', 'hello', 'helo', 'hai', 'hay', 'hi', 'hei', 'hey', 'p', 'pagi', 'siang', 'sore', 'malam',
    'selamat pagi', 'selamat siang', 'selamat sore', 'selamat malam', 'assalamualaikum', 'assalamu alaikum',
    'asalamualaikum', 'assalamualaikum wr wb', 'permisi', 'punten', 'sugeng enjing', 'good morning',
    'good afternoon', 'good evening', 'min', 'halo min', 'hai min', 'halo admin', 'tes', 'test'
  ),
  cancel: set('batal', 'batalkan', 'cancel', 'stop', 'berhenti', 'keluar', 'exit', 'quit', 'selesai'),
  skip: set('lewati', 'lewat', 'skip', 'nanti', 'nanti saja', 'tidak mau', 'rahasia'),
  more: set('lainnya', 'lain', 'berikutnya', 'selanjutnya', 'next', 'more', 'lanjut'),
  english: set('english', 'inggris', 'bahasa inggris', 'in english', 'english please', 'speak english', 'en'),
  indonesian: set('indonesia', 'bahasa', 'bahasa indonesia', 'indonesian', 'in indonesian', 'id', 'bhs indonesia'),
  erase: set('hapus data saya', 'hapus data', 'hapus data saya dong', 'delete my data', 'erase my data'),
  thanks: set(
    'terima kasih', 'terimakasih', 'makasih', 'makasi', 'makasih min', 'makasih ya', 'terima kasih ya', 'trims', 'tq', 'thx',
    'thanks', 'thank you', 'suwun', 'matur nuwun', 'maturnuwun', 'nuwun', 'siap', 'baik', 'oke makasih', 'ok makasih', 'ok thanks'
  ),
  yes: set('ya', 'iya', 'y', 'yes', 'ok', 'oke', 'okey', 'boleh', 'mau', 'betul', 'benar', 'nggih', 'inggih', 'yoi'),
} as const;

export type Command = keyof typeof COMMANDS;

/** The command a whole message is, if any. */
export function commandOf(normalized: string): Command | null {
  for (const [name, words] of Object.entries(COMMANDS) as Array<[Command, ReadonlySet<string>]>) {
    if (words.has(normalized)) return name;
  }
  return null;
}
