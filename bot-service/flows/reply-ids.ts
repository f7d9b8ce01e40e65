/**
 * The ids we give list rows and reply buttons, and what a tap on one means. A tap comes back
 * with its id (InboundForFlow.replyId), possibly long after we sent it, so ids carry all they need.
 */

export type Tap =
  | { kind: 'menu'; menuId: string }
  | { kind: 'region'; code: string }
  | { kind: 'region-page'; page: number }
  | { kind: 'region-skip' }
  | { kind: 'selfcheck'; questionId: string; answerId: string }
  | { kind: 'faq'; faqId: string }
  | { kind: 'volunteer' }
  | { kind: 'main-menu' };

export const replyIds = {
  menu: (menuId: string) => `menu:${menuId}`,
  region: (code: string) => `region:${code}`,
  regionPage: (page: number) => `region-page:${page}`,
  regionSkip: () => 'region-skip',
  selfcheck: (questionId: string, answerId: string) => `sc:${questionId}:${answerId}`,
  faq: (faqId: string) => `faq:${faqId}`,
  volunteer: () => 'volunteer',
  mainMenu: () => 'main-menu',
};

export function parseReplyId(id: string): Tap | null {
  const [head, ...rest] = id.split(':');
  const arg = rest.join(':');
  switch (head) {
    case 'menu':
      return arg ? { kind: 'menu', menuId: arg } : null;
    case 'region':
      return arg ? { kind: 'region', code: arg } : null;
    case 'region-page': {
      const page = Number(arg);
      return Number.isInteger(page) && page >= 1 ? { kind: 'region-page', page } : null;
    }
    case 'region-skip':
      return { kind: 'region-skip' };
    case 'sc':
      return rest.length === 2 && rest[0] && rest[1] ? { kind: 'selfcheck', questionId: rest[0], answerId: rest[1] } : null;
    case 'faq':
      return arg ? { kind: 'faq', faqId: arg } : null;
    case 'volunteer':
      return { kind: 'volunteer' };
    case 'main-menu':
      return { kind: 'main-menu' };
    default:
      return null;
  }
}
