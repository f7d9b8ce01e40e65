import { QUEUE_PLACE_LIMIT } from '../handoff.ts';
import type { Catalogue } from './id.ts';

/** The English catalogue: the same keys as `id.ts`, checked by its type. */
export const en: Catalogue = {
  locale: 'en-GB',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],

  common: {
    menuHint: 'Type *MENU* to go back to the main menu.',
    footer: 'Type MENU at any time',
    chooseBelow: 'Please choose:',
    btnMenu: 'Main menu',
    btnVolunteer: 'Talk to a volunteer',
    nothingToCancel: 'Nothing is in progress. Type *MENU* to see the services.',
    privacy:
      '🔒 Privacy: we keep your WhatsApp number, your messages and your regency/city to answer you, connect you with a volunteer and compile East Java COVID-19 statistics. They are kept for at most 90 days after your last message. Type *HAPUS DATA SAYA* to ask for erasure.',
    eraseConfirmed:
      'Your request to erase your data has been received. Your number, name and messages will be removed from our system within a few minutes; only conversation counts without your identity remain. Thank you 🙏',
    unknownType: 'Sorry, I can only read text messages and locations 📍. Please type your question, or type *MENU* to see the services.',
    languageSwitched: 'OK, from now on I will reply in English. Type *INDONESIA* to switch back.',
    thanks: "You're welcome 🙏 Stay healthy. Type *MENU* whenever you need help again.",
  },

  menu: {
    header: 'East Java COVID-19 Service',
    greeting: (name: string | null) => `Hello${name ? ` ${name}` : ''}! 👋 This is the East Java Provincial Government COVID-19 information service.`,
    intro: 'Choose a service from the list, or type its number or keyword:',
    line: (n: number, title: string, keyword: string) => `${n}. ${title} (type *${keyword}*)`,
    askAnything: 'You can also just type your question about COVID-19.',
    button: 'See the menu',
    section: 'Services',
  },

  region: {
    ask: 'May we know which regency/city you live in? Type its name (e.g. *Sidoarjo*), share your location 📍, or pick it from the list. Type *LEWATI* to skip.',
    pageBody: (page: number, pages: number) =>
      `East Java regencies/cities, page ${page} of ${pages}. Pick from the list, type the name, or share your location 📍.`,
    listButton: 'Pick regency/city',
    section: (page: number, pages: number) => `Regency/city ${page}/${pages}`,
    moreTitle: 'More ›',
    moreDescription: (page: number, pages: number) => `See page ${page} of ${pages}`,
    skipTitle: 'Skip',
    skipDescription: 'Do not name a region',
    kabPrefix: 'Kab.',
    kotaPrefix: 'Kota',
    ambiguous: (shortName: string) => `There is a ${shortName} regency (Kabupaten) and a ${shortName} city (Kota). Which one do you mean?`,
    ambiguousShort: 'Choose one:',
    saved: (name: string) => `Thank you, your region is recorded: *${name}*.`,
    skipped: 'No problem. You can still use every service.',
    notFound: (typed: string) =>
      `Sorry, "${typed}" is not one of East Java's 38 regencies/cities. Try typing it again, pick from the list, or share your location 📍.`,
    pinOutside: 'The location you shared is outside East Java, so we cannot match it to a regency/city.',
    pinNearest: (name: string, km: string) =>
      `Your location is just outside the mapped boundary, so we used the nearest region: *${name}* (± ${km} km).`,
  },

  radar: {
    ask: '📡 *COVID-19 Radar*\nShare your location 📍 or type the name of a regency/city (e.g. *radar surabaya*).',
    title: (name: string) => `📡 *COVID-19 Radar: ${name}*`,
    confirmed: 'Confirmed positive',
    recovered: 'Recovered',
    deaths: 'Deaths',
    odp: 'ODP (persons under monitoring)',
    pdp: 'PDP (patients under supervision)',
    zone: (label: string) => `Zone: ${label}`,
    zones: { hijau: '🟢 Green', kuning: '🟡 Yellow', oranye: '🟠 Orange', merah: '🔴 Red' },
    zoneIcons: { hijau: '🟢', kuning: '🟡', oranye: '🟠', merah: '🔴' },
    asOf: (date: string) => `Figures as of ${date}, as last updated by staff.`,
    noFigures: 'Staff have not entered case figures for this region yet.',
    notAvailable: '-',
    nearest: (from: string) => `🏥 Nearest referral hospitals ${from}:`,
    fromPin: 'to your location',
    fromRegion: (name: string) => `to the centre of ${name}`,
    other: 'Share another location or type *radar <region name>* for another region.',
  },

  data: {
    title: '📊 *East Java COVID-19 figures by regency/city*',
    legend: 'Positive / recovered / deaths',
    row: (name: string, confirmed: string, recovered: string, deaths: string, zone: string) =>
      `• ${name}: ${confirmed} / ${recovered} / ${deaths}${zone ? ` ${zone}` : ''}`,
    noRow: (name: string) => `• ${name}: no figures yet`,
    total: (confirmed: string, recovered: string, deaths: string) => `*East Java: ${confirmed} / ${recovered} / ${deaths}*`,
    asOf: (date: string) => `Figures as of ${date}, as last updated by staff.`,
    none: 'Staff have not entered case figures yet. Official data is at infocovid19.jatimprov.go.id.',
    more: 'Type *radar <region name>* for one region in detail.',
  },

  faq: {
    prompt: '❓ *COVID-19 Q&A*\nPlease type your question, for example _what are the symptoms?_ or _how do I self-isolate?_',
    notSure: "Sorry, I'm not sure I can answer that question.",
    didYouMean: (question: string) => `Did you mean: *${question}*`,
    offerVolunteer: 'Shall we connect you with a volunteer health worker?',
    btnShow: 'Yes, show me',
    onlyIndonesian: '(This answer is available in Indonesian only.)',
  },

  selfcheck: {
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    footer: 'Type BATAL to stop',
    listButton: 'Choose an answer',
    retry: "Sorry, I didn't understand that answer. Choose one of the answers or type its number.",
    cancelled: 'Self check-up cancelled. Type *CEK* at any time to start again.',
    unavailable: 'Sorry, the self check-up is not available right now. Type *RELAWAN* to talk to a volunteer.',
    result: (label: string) => `📋 *Self check-up result: ${label}*`,
    offerVolunteer: 'Type *RELAWAN* to talk to a volunteer health worker.',
    handedOff: 'We have passed your result to a volunteer health worker at high priority; they will reply here.',
    mainHospitals: '🏥 East Java main referral hospitals:',
    sendPin: 'Share your location 📍 to find the nearest referral hospital.',
  },

  tips: {
    title: '💡 *Tips & Advice*',
  },

  hoax: {
    prompt: '🔎 *Hoax Check*\nForward or paste the message you want checked here.',
    verdicts: { hoaks: '❌ HOAX', menyesatkan: '⚠️ MISLEADING', fakta: '✅ FACT' },
    title: (verdict: string) => `🔎 *Check result: ${verdict}*`,
    source: (source: string) => `Source: ${source}`,
    onlyIndonesian: '(Clarification available in Indonesian only.)',
    checking:
      "Thank you. This message is not on our list yet and has been passed to the fact-checking team. Meanwhile, please don't forward it. Official source: infocovid19.jatimprov.go.id.",
  },

  hospital: {
    ask: '🏥 *Referral hospitals*\nShare your location 📍 for the nearest referral hospitals, or type the name of a regency/city (e.g. *rs sidoarjo*).',
    inRegion: (name: string) => `🏥 *COVID-19 referral hospitals in ${name}:*`,
    noneInRegion: (name: string) => `No referral hospital is listed in ${name}. The nearest:`,
    nearest: '🏥 *Nearest referral hospitals to your location:*',
    distance: (km: string) => `± ${km} km`,
    approximate: 'approximate location',
    approximateIn: (region: string) => `${region} (exact location not available)`,
    callFirst: 'Except in emergencies, call a puskesmas or a hotline before you go.',
    sendPin: 'Share your location 📍 for the nearest hospitals to you.',
  },

  hotline: {
    title: '☎️ *Important COVID-19 numbers*',
    offer: 'Would you like to talk to a volunteer health worker?',
  },

  handoff: {
    connected: '🙋 Your request has been passed to a volunteer health worker. Please wait; a volunteer will reply here.',
    queue: (n: number) => (n > QUEUE_PLACE_LIMIT ? `Your place in the queue: more than ${QUEUE_PLACE_LIMIT} people are ahead of you.` : `Your place in the queue: ${n}.`),
    waiting: (n: number) =>
      `⏳ You are still in the volunteer queue (${n > QUEUE_PLACE_LIMIT ? `more than ${QUEUE_PLACE_LIMIT} people ahead of you` : `place ${n}`}). Type *BATAL* to leave the queue or *MENU* for other services.`,
    assigned: '🙋 You are connected with a volunteer. Type *BATAL* to end the conversation with the volunteer.',
    cancelledWaiting: 'OK, you have left the volunteer queue. Type *MENU* to see the services.',
    cancelledAssigned: 'OK, the conversation with the volunteer has ended. Type *MENU* to see the services.',
  },

  info: {
    title: (date: string) => `📢 *Latest update* (${date})`,
    none: 'Staff have not published an update yet. Official data is at infocovid19.jatimprov.go.id.',
    onlyIndonesian: '(This update is available in Indonesian only.)',
  },
};
