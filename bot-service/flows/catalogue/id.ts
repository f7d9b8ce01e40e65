/**
 * Every citizen-facing sentence the flows say that is not content, in Bahasa Indonesia.
 * `en.ts` has the same keys (its type is this one's). Content (FAQ answers, tips, hoax
 * clarifications, self-check texts, figures) comes from the database, never from here.
 */
import { QUEUE_PLACE_LIMIT } from '../handoff.ts';

export const id = {
  locale: 'id-ID',
  months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],

  common: {
    menuHint: 'Ketik *MENU* untuk kembali ke menu utama.',
    footer: 'Ketik MENU kapan saja',
    chooseBelow: 'Silakan pilih:',
    btnMenu: 'Menu utama',
    btnVolunteer: 'Hubungi relawan',
    nothingToCancel: 'Tidak ada yang sedang berjalan. Ketik *MENU* untuk melihat layanan.',
    privacy:
      '🔒 Privasi: kami menyimpan nomor WhatsApp, isi pesan, dan kabupaten/kota Anda untuk menjawab Anda, menghubungkan Anda dengan relawan, dan menyusun statistik penanganan COVID-19 Jawa Timur. Data disimpan paling lama 90 hari sejak pesan terakhir Anda. Ketik *HAPUS DATA SAYA* untuk meminta penghapusan.',
    eraseConfirmed:
      'Permintaan hapus data Anda kami terima. Nomor, nama, dan isi pesan Anda akan dihapus dari sistem dalam beberapa menit; yang tersisa hanya jumlah percakapan tanpa identitas. Terima kasih 🙏',
    unknownType:
      'Maaf, saya hanya bisa membaca pesan teks dan lokasi 📍. Silakan ketik pertanyaan Anda, atau ketik *MENU* untuk melihat layanan.',
    languageSwitched: 'Baik, mulai sekarang saya menjawab dalam Bahasa Indonesia. Ketik *ENGLISH* for English.',
    thanks: 'Sama-sama 🙏 Tetap jaga kesehatan. Ketik *MENU* bila perlu bantuan lagi.',
  },

  menu: {
    header: 'Layanan COVID-19 Jawa Timur',
    greeting: (name: string | null) =>
      `Halo${name ? ` ${name}` : ''}! 👋 Ini layanan informasi COVID-19 Pemerintah Provinsi Jawa Timur.`,
    intro: 'Pilih layanan dari daftar, atau ketik nomor atau kata kuncinya:',
    line: (n: number, title: string, keyword: string) => `${n}. ${title} (ketik *${keyword}*)`,
    askAnything: 'Anda juga bisa langsung mengetik pertanyaan tentang COVID-19.',
    button: 'Lihat menu',
    section: 'Layanan',
  },

  region: {
    ask: 'Boleh tahu Anda tinggal di kabupaten/kota mana? Ketik namanya (mis. *Sidoarjo*), kirim lokasi 📍, atau pilih dari daftar. Ketik *LEWATI* bila tidak ingin menjawab.',
    pageBody: (page: number, pages: number) =>
      `Daftar kabupaten/kota Jawa Timur, halaman ${page} dari ${pages}. Pilih dari daftar, ketik namanya, atau kirim lokasi 📍.`,
    listButton: 'Pilih kab/kota',
    section: (page: number, pages: number) => `Kab/kota ${page}/${pages}`,
    moreTitle: 'Lainnya ›',
    moreDescription: (page: number, pages: number) => `Lihat halaman ${page} dari ${pages}`,
    skipTitle: 'Lewati',
    skipDescription: 'Tidak menyebutkan daerah',
    kabPrefix: 'Kab.',
    kotaPrefix: 'Kota',
    ambiguous: (shortName: string) => `Ada Kabupaten ${shortName} dan Kota ${shortName}. Yang mana maksud Anda?`,
    ambiguousShort: 'Pilih salah satu:',
    saved: (name: string) => `Terima kasih, daerah Anda tercatat: *${name}*.`,
    skipped: 'Baik, tidak apa-apa. Semua layanan tetap bisa Anda pakai.',
    notFound: (typed: string) =>
      `Maaf, "${typed}" tidak ada di daftar 38 kabupaten/kota Jawa Timur. Coba ketik lagi, pilih dari daftar, atau kirim lokasi 📍.`,
    pinOutside: 'Lokasi yang Anda kirim berada di luar Jawa Timur, jadi belum bisa kami cocokkan dengan kabupaten/kota.',
    pinNearest: (name: string, km: string) =>
      `Lokasi Anda sedikit di luar batas wilayah, jadi kami pakai wilayah terdekat: *${name}* (± ${km} km).`,
  },

  radar: {
    ask: '📡 *Radar COVID-19*\nKirim lokasi Anda 📍 atau ketik nama kabupaten/kota (mis. *radar surabaya*).',
    title: (name: string) => `📡 *Radar COVID-19: ${name}*`,
    confirmed: 'Terkonfirmasi positif',
    recovered: 'Sembuh',
    deaths: 'Meninggal',
    odp: 'ODP (orang dalam pemantauan)',
    pdp: 'PDP (pasien dalam pengawasan)',
    zone: (label: string) => `Zona: ${label}`,
    zones: { hijau: '🟢 Hijau', kuning: '🟡 Kuning', oranye: '🟠 Oranye', merah: '🔴 Merah' },
    zoneIcons: { hijau: '🟢', kuning: '🟡', oranye: '🟠', merah: '🔴' },
    asOf: (date: string) => `Data per ${date}, sebagaimana dimutakhirkan petugas.`,
    noFigures: 'Petugas belum memasukkan data kasus untuk daerah ini.',
    notAvailable: '-',
    nearest: (from: string) => `🏥 RS rujukan terdekat ${from}:`,
    fromPin: 'dari lokasi Anda',
    fromRegion: (name: string) => `dari pusat ${name}`,
    other: 'Kirim lokasi lain atau ketik *radar <nama daerah>* untuk daerah lain.',
  },

  data: {
    title: '📊 *Data COVID-19 Jawa Timur per kabupaten/kota*',
    legend: 'Positif / sembuh / meninggal',
    row: (name: string, confirmed: string, recovered: string, deaths: string, zone: string) =>
      `• ${name}: ${confirmed} / ${recovered} / ${deaths}${zone ? ` ${zone}` : ''}`,
    noRow: (name: string) => `• ${name}: belum ada data`,
    total: (confirmed: string, recovered: string, deaths: string) => `*Jawa Timur: ${confirmed} / ${recovered} / ${deaths}*`,
    asOf: (date: string) => `Data per ${date}, sebagaimana dimutakhirkan petugas.`,
    none: 'Petugas belum memasukkan data kasus. Data resmi ada di infocovid19.jatimprov.go.id.',
    more: 'Ketik *radar <nama daerah>* untuk rincian satu daerah.',
  },

  faq: {
    prompt:
      '❓ *Tanya Jawab COVID-19*\nSilakan ketik pertanyaan Anda, misalnya _apa saja gejala corona?_ atau _gmn cara isolasi mandiri?_',
    notSure: 'Maaf, saya belum yakin bisa menjawab pertanyaan itu.',
    didYouMean: (question: string) => `Apakah maksud Anda: *${question}*`,
    offerVolunteer: 'Mau kami hubungkan dengan relawan tenaga kesehatan?',
    btnShow: 'Ya, itu maksud saya',
    onlyIndonesian: '',
  },

  selfcheck: {
    progress: (n: number, total: number) => `Pertanyaan ${n} dari ${total}`,
    footer: 'Ketik BATAL untuk berhenti',
    listButton: 'Pilih jawaban',
    retry: 'Maaf, jawaban itu belum saya pahami. Pilih salah satu jawaban atau ketik nomornya.',
    cancelled: 'Cek mandiri dibatalkan. Ketik *CEK* kapan saja untuk mengulang.',
    unavailable: 'Maaf, cek mandiri sedang tidak tersedia. Ketik *RELAWAN* untuk berbicara dengan relawan.',
    result: (label: string) => `📋 *Hasil Cek Mandiri: ${label}*`,
    offerVolunteer: 'Ketik *RELAWAN* untuk berbicara dengan relawan tenaga kesehatan.',
    handedOff: 'Hasil Anda sudah kami teruskan ke relawan tenaga kesehatan dengan prioritas tinggi; relawan akan membalas di sini.',
    mainHospitals: '🏥 RS rujukan utama Jawa Timur:',
    sendPin: 'Kirim lokasi 📍 untuk mencari RS rujukan terdekat.',
  },

  tips: {
    title: '💡 *Tips & Rekomendasi*',
  },

  hoax: {
    prompt: '🔎 *Cek Hoaks*\nTeruskan (forward) atau tempel pesan yang ingin Anda cek ke sini.',
    verdicts: { hoaks: '❌ HOAKS', menyesatkan: '⚠️ MENYESATKAN', fakta: '✅ FAKTA' },
    title: (verdict: string) => `🔎 *Hasil cek: ${verdict}*`,
    source: (source: string) => `Sumber: ${source}`,
    onlyIndonesian: '',
    checking:
      'Terima kasih. Pesan ini belum ada di daftar kami dan sudah kami teruskan ke tim pemeriksa fakta. Sambil menunggu, jangan diteruskan dulu ya. Cek juga sumber resmi: infocovid19.jatimprov.go.id.',
  },

  hospital: {
    ask: '🏥 *RS Rujukan*\nKirim lokasi Anda 📍 untuk RS rujukan terdekat, atau ketik nama kabupaten/kota (mis. *rs sidoarjo*).',
    inRegion: (name: string) => `🏥 *RS rujukan COVID-19 di ${name}:*`,
    noneInRegion: (name: string) => `Belum ada RS rujukan tercatat di ${name}. Yang terdekat:`,
    nearest: '🏥 *RS rujukan terdekat dari lokasi Anda:*',
    distance: (km: string) => `± ${km} km`,
    approximate: 'lokasi perkiraan',
    approximateIn: (region: string) => `${region} (titik lokasi belum tersedia)`,
    callFirst: 'Kecuali darurat, telepon puskesmas atau hotline dulu sebelum datang.',
    sendPin: 'Kirim lokasi 📍 untuk RS terdekat dari tempat Anda.',
  },

  hotline: {
    title: '☎️ *Nomor penting COVID-19*',
    offer: 'Ingin berbicara dengan relawan tenaga kesehatan?',
  },

  handoff: {
    connected: '🙋 Permintaan Anda sudah kami teruskan ke relawan tenaga kesehatan. Mohon tunggu, relawan akan membalas di sini.',
    queue: (n: number) =>
      n > QUEUE_PLACE_LIMIT ? `Posisi Anda dalam antrean: lebih dari ${QUEUE_PLACE_LIMIT} orang di depan Anda.` : `Posisi Anda dalam antrean: ke-${n}.`,
    waiting: (n: number) =>
      `⏳ Anda masih dalam antrean relawan (${n > QUEUE_PLACE_LIMIT ? `lebih dari ${QUEUE_PLACE_LIMIT} orang di depan Anda` : `ke-${n}`}). Ketik *BATAL* untuk keluar dari antrean atau *MENU* untuk layanan lain.`,
    assigned: '🙋 Anda sedang terhubung dengan relawan. Ketik *BATAL* untuk mengakhiri percakapan dengan relawan.',
    cancelledWaiting: 'Baik, Anda sudah keluar dari antrean relawan. Ketik *MENU* untuk melihat layanan.',
    cancelledAssigned: 'Baik, percakapan dengan relawan diakhiri. Ketik *MENU* untuk melihat layanan.',
  },

  info: {
    title: (date: string) => `📢 *Info Terkini* (${date})`,
    none: 'Belum ada info terkini dari petugas. Data resmi ada di infocovid19.jatimprov.go.id.',
    onlyIndonesian: '',
  },
};

export type Catalogue = typeof id;
