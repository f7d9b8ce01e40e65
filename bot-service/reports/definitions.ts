import type { MetricDefinition } from '../contract/reports.ts';

/**
 * How each figure of the daily report is counted, in Indonesian and English. These texts are
 * printed with every report, so that nobody argues about what a number means; they describe
 * exactly what bot-service/stats/projector.ts does.
 */
export function metricDefinitions(quietMinutes = 30): MetricDefinition[] {
  return [
    {
      key: 'day',
      name: { id: 'Hari', en: 'Day' },
      definition: {
        id: 'Satu hari kalender WIB (Asia/Jakarta, UTC+7), pukul 00.00.00 sampai 23.59.59. Laporan hari ini berisi angka sampai saat dibuat.',
        en: 'One WIB calendar day (Asia/Jakarta, UTC+7), 00:00:00 to 23:59:59. Today\'s report holds the figures so far.',
      },
    },
    {
      key: 'region',
      name: { id: 'Wilayah', en: 'Region' },
      definition: {
        id: 'Kabupaten/kota yang disebut warga (diketik atau dari lokasi). Percakapan dihitung untuk wilayah yang diketahui pada akhir percakapan, termasuk pesan sebelum wilayah disebut. "Tidak diketahui": warga tidak menyebut wilayah.',
        en: 'The kabupaten/kota the citizen named (typed or from a location pin). A conversation counts for the region known at its end, including the messages before the region was named. "Unknown": the citizen named none.',
      },
    },
    {
      key: 'conversations',
      name: { id: 'Percakapan', en: 'Conversations' },
      definition: {
        id: `Sesi percakapan yang dimulai pada hari itu (menurut waktu pesan pertama). Sesi baru dimulai setelah warga diam lebih dari ${quietMinutes} menit; sesi yang menunggu atau sedang dilayani relawan tetap terbuka.`,
        en: `Conversation sessions that started that day (by the time of their first message). A new session starts after the citizen has been quiet for more than ${quietMinutes} minutes; a session waiting for or with a volunteer stays open.`,
      },
    },
    {
      key: 'contacts',
      name: { id: 'Kontak unik', en: 'Unique contacts' },
      definition: {
        id: 'Warga berbeda yang mengirim sedikitnya satu pesan pada hari itu. Per wilayah: menurut wilayah percakapannya; total provinsi menghitung setiap warga sekali.',
        en: 'Distinct citizens who sent at least one message that day. Per region: by the region of their conversation; the province total counts each citizen once.',
      },
    },
    {
      key: 'new_returning',
      name: { id: 'Kontak baru / kembali', en: 'New / returning contacts' },
      definition: {
        id: 'Baru: pesan pertama warga itu ke layanan ini jatuh pada hari itu. Kembali: warga sudah pernah mengirim pesan pada hari sebelumnya.',
        en: 'New: the citizen\'s first message to this service fell on that day. Returning: the citizen had written on an earlier day.',
      },
    },
    {
      key: 'messages',
      name: { id: 'Pesan masuk / keluar', en: 'Messages in / out' },
      definition: {
        id: 'Masuk: pesan dari warga, dihitung sekali walau dikirim ulang oleh Meta, pada waktu warga mengirimnya. Keluar: pesan bot dan relawan yang diantrekan untuk dikirim (tanda "dibaca" tidak dihitung).',
        en: 'In: messages from citizens, counted once even when Meta delivers them again, at the time the citizen sent them. Out: bot and volunteer messages queued for sending (read receipts are not counted).',
      },
    },
    {
      key: 'per100k',
      name: { id: 'Per 100.000 penduduk', en: 'Per 100,000 people' },
      definition: {
        id: 'Jumlah dibagi jumlah penduduk wilayah (Sensus Penduduk 2020, BPS), dikali 100.000, dibulatkan dua desimal.',
        en: 'The count divided by the region\'s population (2020 Population Census, BPS), times 100,000, rounded to two decimals.',
      },
    },
    {
      key: 'delivery_failures',
      name: { id: 'Gagal terkirim', en: 'Delivery failures' },
      definition: {
        id: 'Pesan keluar yang dinyatakan gagal oleh WhatsApp atau yang tidak bisa dikirim setelah dicoba ulang, pada waktu kegagalan.',
        en: 'Outgoing messages that WhatsApp reported as failed or that could not be sent after retries, at the time of the failure.',
      },
    },
    {
      key: 'features',
      name: { id: 'Penggunaan fitur', en: 'Feature use' },
      definition: {
        id: 'Berapa kali warga masuk ke sebuah fitur (radar, data, tanya jawab, cek mandiri, tips, cek hoaks, rumah sakit, hotline, info terkini, menu) dalam percakapan; giliran berturut-turut di fitur yang sama dihitung sekali.',
        en: 'How many times citizens entered a feature (radar, data, Q&A, self check-up, tips, hoax check, hospitals, hotline, latest info, menu) in a conversation; consecutive turns in the same feature count once.',
      },
    },
    {
      key: 'selfcheck',
      name: { id: 'Hasil cek mandiri', en: 'Self check-up results' },
      definition: {
        id: 'Cek mandiri yang selesai, menurut tingkat risiko hasilnya: rendah, sedang, tinggi. Ini penapisan, bukan diagnosis.',
        en: 'Completed self check-ups, by the risk level of the result: low (rendah), medium (sedang), high (tinggi). A screening, not a diagnosis.',
      },
    },
    {
      key: 'hoax_claims',
      name: { id: 'Laporan hoaks', en: 'Hoax claims' },
      definition: {
        id: 'Pesan yang diteruskan warga untuk dicek lewat fitur cek hoaks. Klaster: hoaks yang dikenal yang cocok dengan laporan itu; yang belum cocok menunggu meja hoaks.',
        en: 'Messages citizens forwarded to the hoax check. Cluster: the known hoax the claim matched; unmatched claims wait for the hoax desk.',
      },
    },
    {
      key: 'handoffs',
      name: { id: 'Alih ke relawan', en: 'Volunteer handoffs' },
      definition: {
        id: 'Percakapan yang diserahkan bot ke antrean relawan pada hari itu. Waktu tunggu: dari masuk antrean sampai diambil relawan. Balasan pertama: dari masuk antrean sampai balasan pertama relawan. Masih terbuka: belum diselesaikan saat laporan dibuat. Median: nilai tengah.',
        en: 'Conversations the bot handed to the volunteer queue that day. Wait: from entering the queue until a volunteer claimed it. First reply: from entering the queue until the volunteer\'s first reply. Still open: not resolved when the report was made. Median: the middle value.',
      },
    },
    {
      key: 'bot_only',
      name: { id: 'Dilayani bot saja', en: 'Handled by the bot alone' },
      definition: {
        id: 'Bagian percakapan yang dimulai hari itu dan tidak pernah diserahkan ke relawan.',
        en: 'The share of conversations started that day that were never handed to a volunteer.',
      },
    },
    {
      key: 'change',
      name: { id: 'Perubahan', en: 'Change' },
      definition: {
        id: 'Selisih dengan hari sebelumnya (hari ini dikurangi kemarin), dengan definisi yang sama.',
        en: 'The difference from the day before (this day minus the day before), with the same definitions.',
      },
    },
  ];
}
