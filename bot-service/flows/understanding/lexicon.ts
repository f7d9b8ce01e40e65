/**
 * Word tables for Indonesian as people type it on WhatsApp: slang, abbreviations, Javanese.
 *
 * Data only; `normalize.ts` applies them. A value may hold several words ("dmn" -> "di mana").
 * Keys are already lower case, accent-free and punctuation-free (what the tokenizer yields).
 */

/** Looks a word up in a table without tripping over inherited keys ("constructor"). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A table as a map from a word to its replacement words. */
export function toWordMap(table: Readonly<Record<string, string>>): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.entries(table).map(([from, to]) => [from, to.split(' ')]));
}

/** Chat abbreviations and colloquial forms -> standard Indonesian. */
export const SLANG: Readonly<Record<string, string>> = {
  yg: 'yang', yng: 'yang', dgn: 'dengan', dg: 'dengan', dng: 'dengan', ama: 'dengan', sm: 'sama',
  gmn: 'bagaimana', gmna: 'bagaimana', gimana: 'bagaimana', gmana: 'bagaimana', bgmn: 'bagaimana',
  gimna: 'bagaimana', bagaimna: 'bagaimana', gemana: 'bagaimana',
  knp: 'kenapa', knapa: 'kenapa', napa: 'kenapa', mengapa: 'kenapa',
  dmn: 'di mana', dimana: 'di mana', dmna: 'di mana', kmn: 'ke mana', kemana: 'ke mana',
  drmn: 'dari mana', darimana: 'dari mana',
  brp: 'berapa', brapa: 'berapa', brpa: 'berapa', bbrp: 'beberapa',
  sy: 'saya', sya: 'saya', aq: 'saya', ak: 'saya', aku: 'saya', gw: 'saya', gue: 'saya', gua: 'saya', gwe: 'saya',
  km: 'kamu', kmu: 'kamu', lu: 'kamu', loe: 'kamu', elo: 'kamu',
  gk: 'tidak', ga: 'tidak', gak: 'tidak', nggak: 'tidak', ngga: 'tidak', nggk: 'tidak', enggak: 'tidak',
  engga: 'tidak', ndak: 'tidak', tdk: 'tidak', tak: 'tidak', g: 'tidak', kagak: 'tidak', gag: 'tidak', gx: 'tidak',
  utk: 'untuk', untk: 'untuk', bwt: 'buat',
  bs: 'bisa', bsa: 'bisa', jg: 'juga', jga: 'juga',
  krn: 'karena', krna: 'karena', karna: 'karena', soalnya: 'karena',
  tp: 'tapi', tpi: 'tapi', tetapi: 'tapi',
  sdh: 'sudah', udah: 'sudah', udh: 'sudah', dah: 'sudah',
  blm: 'belum', blum: 'belum', lg: 'lagi', lgi: 'lagi',
  aja: 'saja', aj: 'saja', doang: 'saja',
  org: 'orang', orng: 'orang', hrs: 'harus', hrus: 'harus', bgt: 'banget', bngt: 'banget',
  dr: 'dari', dri: 'dari', kl: 'kalau', klo: 'kalau', kalo: 'kalau', klu: 'kalau', jika: 'kalau', bila: 'kalau',
  jd: 'jadi', jdi: 'jadi', skrg: 'sekarang', skrng: 'sekarang', skg: 'sekarang',
  sblm: 'sebelum', sblum: 'sebelum', stlh: 'setelah', sesudah: 'setelah',
  smp: 'sampai', sampe: 'sampai', ampe: 'sampai', msh: 'masih', trs: 'terus', trus: 'terus',
  pake: 'pakai', pakek: 'pakai', dipake: 'dipakai', dpt: 'dapat', dapet: 'dapat',
  tau: 'tahu', gatau: 'tidak tahu', gtau: 'tidak tahu', gatw: 'tidak tahu', gataw: 'tidak tahu',
  ato: 'atau', atw: 'atau', lwt: 'lewat', td: 'tadi', bnr: 'benar', bener: 'benar', beneran: 'benar', bner: 'benar',
  pny: 'punya', pnya: 'punya', tmn: 'teman', temen: 'teman', dikit: 'sedikit', sdkt: 'sedikit', bkn: 'bukan',
  kyk: 'seperti', kayak: 'seperti', kek: 'seperti', ni: 'ini', tu: 'itu',
  ngapain: 'lakukan', mending: 'lebih baik', mendingan: 'lebih baik',
  apaan: 'apa', bnyk: 'banyak', byk: 'banyak', lbh: 'lebih', tgl: 'tanggal', jgn: 'jangan', jngn: 'jangan',
  dlm: 'dalam', pd: 'pada', sma: 'sama', sbg: 'sebagai', spt: 'seperti', tsb: 'tersebut',
  dibawah: 'di bawah', diatas: 'di atas', dirumah: 'di rumah', kerumah: 'ke rumah', dluar: 'di luar',
  positip: 'positif', negatip: 'negatif', nafas: 'napas', napasnya: 'napas',
  rs: 'rumah sakit', ortu: 'orang tua',
  nyuci: 'cuci', nyusui: 'menyusui', gede: 'besar', gmn2: 'bagaimana',
  met: 'selamat', malem: 'malam', mlm: 'malam', cr: 'cara', crnya: 'caranya', rmh: 'rumah', drmh: 'di rumah', dirmh: 'di rumah', klg: 'keluarga', kluarga: 'keluarga',
  bikin: 'buat', pas: 'saat', abis: 'setelah', habis: 'setelah', duit: 'uang', nyetok: 'stok', setok: 'stok',
  // Javanese (ngoko and krama) -> Indonesian
  piye: 'bagaimana', pye: 'bagaimana', pripun: 'bagaimana', kepiye: 'bagaimana', kpie: 'bagaimana',
  opo: 'apa', nopo: 'apa', sopo: 'siapa', sinten: 'siapa', ngendi: 'mana', endi: 'mana', pundi: 'mana',
  nang: 'di', neng: 'di', ning: 'di', ten: 'di', piro: 'berapa', pinten: 'berapa',
  ora: 'tidak', mboten: 'tidak', boten: 'tidak', orak: 'tidak',
  iso: 'bisa', isa: 'bisa', saget: 'bisa',
  wes: 'sudah', wis: 'sudah', uwis: 'sudah', uwes: 'sudah', sampun: 'sudah',
  durung: 'belum', dereng: 'belum', ae: 'saja', wae: 'saja', mawon: 'saja',
  wong: 'orang', tiyang: 'orang', kudu: 'harus', kudune: 'harus',
  soko: 'dari', seko: 'dari', teko: 'dari', saking: 'dari',
  lek: 'kalau', nek: 'kalau', yen: 'kalau', menawi: 'kalau',
  saiki: 'sekarang', sakniki: 'sekarang', nganggo: 'pakai', nduwe: 'punya', duwe: 'punya', gadah: 'punya',
  iki: 'ini', niki: 'ini', iku: 'itu', kuwi: 'itu', niku: 'itu', sing: 'yang', ingkang: 'yang',
  karo: 'dengan', kalih: 'dengan', lapo: 'lakukan', ngopo: 'kenapa', kenging: 'boleh',
  mulih: 'pulang', wangsul: 'pulang', njobo: 'luar', jobo: 'luar', omah: 'rumah', griya: 'rumah',
  loro: 'sakit', gerah: 'sakit', watuk: 'batuk', meriang: 'demam', sumeng: 'demam',
  bocah: 'anak', cilik: 'kecil', tuwo: 'tua', tuo: 'tua', sepuh: 'tua',
  wisuh: 'cuci tangan', bojo: 'suami', bojoku: 'suami', meteng: 'hamil', hamel: 'hamil', gulo: 'gula',
  ben: 'supaya', biar: 'supaya', agar: 'supaya', njogo: 'jaga', jogo: 'jaga', metu: 'keluar', mlebu: 'masuk',
  keno: 'kena', kenek: 'kena', abot: 'berat', rawan: 'rentan', dino: 'hari', ndino: 'hari',
  mangan: 'makan', ngombe: 'minum', turu: 'tidur', adus: 'mandi', cedhak: 'dekat', cedak: 'dekat', parek: 'dekat',
  dulur: 'saudara', sedulur: 'saudara', lur: 'saudara', arek: 'anak', mbok: 'ibu', simbok: 'ibu',
  embuh: 'tidak tahu', ngerti: 'tahu', ngertos: 'tahu', oleh: 'boleh', entuk: 'boleh', angsal: 'boleh',
  nggih: 'ya', inggih: 'ya', enggih: 'ya', iyo: 'ya', iyoo: 'ya', iya: 'ya', iye: 'ya', yoi: 'ya', hooh: 'ya',
  nulari: 'menulari', nulare: 'menular', nular: 'menular', ketularan: 'tertular',
};

/** Spelling variants that name the same thing -> one canonical word (both content and queries). */
export const SYNONYMS: Readonly<Record<string, string>> = {
  corona: 'covid', korona: 'covid', covid19: 'covid', kopid: 'covid', kovid: 'covid', coronavirus: 'covid',
  covid: 'covid', sarscov2: 'covid', cov: 'covid', virus: 'virus',
  solat: 'salat', sholat: 'salat', shalat: 'salat', sembahyang: 'salat',
  test: 'tes', testing: 'tes', dites: 'tes', ditest: 'tes', tested: 'tes',
  ugd: 'igd', handsanitizer: 'sanitizer', sanitiser: 'sanitizer', sanitizers: 'sanitizer',
  hoax: 'hoaks', hoaxes: 'hoaks', hoak: 'hoaks', resiko: 'risiko', beresiko: 'berisiko',
  nomer: 'nomor', telpon: 'telepon', telp: 'telepon', tlp: 'telepon',
  masjid: 'masjid', mesjid: 'masjid', ied: 'id', idul: 'id', 'microchip': 'chip', mikrochip: 'chip',
  thermogun: 'thermo gun', termogun: 'thermo gun', termo: 'thermo', lansia: 'lansia', manula: 'lansia',
  karantina: 'karantina', isoman: 'isolasi mandiri', ktp: 'ktp', ektp: 'ktp', nik: 'nik',
  hamil: 'hamil', bumil: 'ibu hamil', bayi: 'bayi', balita: 'balita', vaksinasi: 'vaksin', divaksin: 'vaksin',
  imun: 'imun', imunitas: 'imun', kekebalan: 'imun', kontrol: 'kendali', dikontrol: 'kendali',
  umur: 'usia', parah: 'berat', sby: 'surabaya', suroboyo: 'surabaya', surobayo: 'surabaya', ngalam: 'malang', sda: 'sidoarjo', jkt: 'jakarta',
};

/** Words that carry no topic (Indonesian, Javanese particles, chat fillers). */
export const STOPWORDS_ID: ReadonlySet<string> = new Set([
  'yang', 'di', 'ke', 'dari', 'dan', 'atau', 'dengan', 'untuk', 'buat', 'pada', 'dalam', 'ini', 'itu', 'adalah',
  'ialah', 'apa', 'apakah', 'bagaimana', 'kenapa', 'mengapa', 'siapa', 'saya', 'kamu', 'anda', 'kami',
  'kita', 'mereka', 'dia', 'ia', 'beliau', 'juga', 'saja', 'sudah', 'belum', 'akan', 'sedang', 'lagi', 'masih',
  'bisa', 'dapat', 'mau', 'ingin', 'tidak', 'bukan', 'ya', 'kalau', 'karena', 'tapi', 'jadi', 'sama', 'seperti',
  'supaya', 'sangat', 'banget', 'hanya', 'cuma', 'tentang', 'soal', 'oleh', 'para', 'pun', 'lah', 'kah', 'tah',
  'sih', 'dong', 'deh', 'kok', 'lho', 'loh', 'toh', 'to', 'ta', 'yo', 'kan', 'nih', 'tuh', 'nya', 'e', 'ne', 'se',
  'min', 'mimin', 'admin', 'kak', 'kakak', 'gan', 'sis', 'bro', 'om', 'pak', 'bapak', 'mas', 'mbak', 'rek',
  'cak', 'bos', 'ibu', 'tolong', 'mohon', 'minta', 'permisi', 'maaf', 'terima', 'kasih', 'makasih', 'trims',
  'ok', 'oke', 'okay', 'sip', 'siap', 'halo', 'hallo', 'hai', 'hi', 'hello', 'selamat', 'pagi', 'siang', 'sore',
  'malam', 'assalamualaikum', 'wr', 'wb', 'salam', 'ada', 'benar', 'betul', 'gitu', 'begitu', 'begini', 'gini',
  'kalian', 'nya', 'mana', 'tersebut', 'sebagai', 'secara', 'agar', 'sehingga', 'namun', 'bahwa', 'hal', 'ketika',
  'saat', 'waktu', 'tadi', 'lalu', 'kemudian', 'terus', 'nanti', 'dulu', 'punya', 'aja', 'memang', 'emang',
  'katanya', 'kata', 'kabarnya', 'info', 'informasi', 'tanya', 'nanya', 'mau', 'dong', 'ayo', 'yuk', 'harap',
  'semua', 'setiap', 'tiap', 'lain', 'lainnya', 'apa', 'pernah', 'lakukan', 'melakukan', 'dilakukan', 'seharusnya',
]);

/** English words that carry no topic. */
export const STOPWORDS_EN: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'of', 'to', 'in', 'on', 'at', 'for', 'with',
  'and', 'or', 'it', 'its', 'this', 'that', 'these', 'those', 'can', 'could', 'do', 'does', 'did', 'i', 'you',
  'we', 'they', 'he', 'she', 'my', 'your', 'our', 'their', 'me', 'us', 'them', 'what', 'how', 'where',
  'who', 'which', 'why', 'would', 'will', 'shall', 'there', 'here', 'yet', 'have', 'has', 'had', 'if',
  'not', 'no', 'yes', 'so', 'about', 'any', 'some', 'please', 'thanks', 'thank', 'hello', 'hi', 'hey', 'good',
  'morning', 'evening', 'just', 'get', 'got', 'need', 'want', 'know', 'tell', 'from', 'by', 'as', 'into', 'than',
  'then', 'too', 'very', 'much', 'many', 'also', 'only', 'all', 'every', 'one', 'way', 'ok', 'okay', 'mean', 'means',
  'anything', 'something', 'someone',
]);

/**
 * Roots that end like an affix but are not affixed ("makan", "tangan"): the stemmer keeps them whole.
 */
export const PROTECTED_ROOTS: ReadonlySet<string> = new Set([
  'makan', 'tangan', 'jalan', 'badan', 'bulan', 'hujan', 'teman', 'depan', 'bukan', 'akan', 'dengan', 'ikan',
  'pakai', 'ramai', 'bayi', 'hari', 'lain', 'tahan', 'taman', 'pasien', 'kelurahan', 'lebaran', 'ramadan',
  'jangan', 'perempuan', 'pemerintah', 'keluarga', 'peliharaan', 'pertama', 'perut', 'permukaan', 'pesan',
  'percikan', 'pedagang', 'penyakit', 'penduduk', 'perawat', 'perokok', 'pekerja', 'periksa', 'perlu', 'pergi',
  'menit', 'merah', 'mengapa', 'meter', 'meja', 'mesir', 'minum', 'mandi', 'mati', 'masker', 'menu', 'mudik',
  'kemarin', 'kuman', 'kunyit', 'durian', 'uang', 'udara', 'tenggorokan', 'tahun', 'sembuh', 'lansia', 'teri',
  'kalung', 'kanker', 'ginjal', 'jantung', 'besi', 'gigi', 'beri', 'cari', 'lari', 'kaki', 'nasi', 'sapi',
  'terapi', 'tinggi', 'pagi', 'lagi', 'sendiri', 'mencari', 'diri', 'seni', 'ikan', 'satpol', 'terminal',
  'berita', 'beras', 'bersih', 'bertahan', 'hewan', 'kucing', 'buatan', 'bahan', 'ringan', 'sedang', 'karantina',
  'jemuran', 'ratusan', 'puluhan', 'belasan', 'pandemi', 'asi', 'vitamin', 'protein', 'rebusan', 'siaran',
  'risiko', 'rasa', 'meninggal', 'antibiotik', 'kelenjar', 'pelukan', 'tarikan', 'minuman', 'kabupaten',
]);

/**
 * Everyday words that must never be fuzzy-matched to a place name ("malam" is not "malang",
 * "batuk" is not "batu").
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'malam', 'malah', 'malas', 'maling', 'batuk', 'batik', 'tuan', 'tahan', 'tahun', 'makan', 'masuk', 'mandi',
  'madu', 'madura', 'mudik', 'tubuh', 'kediaman', 'sedih', 'sakit', 'sehat', 'sesak', 'pusing', 'pasien',
  'pasar', 'pasang', 'pasti', 'blitz', 'jemur', 'resik', 'kotak', 'kabut', 'kabar', 'bangun',
  'bangku', 'sampah', 'sampai', 'sampel', 'sumpah', 'tanggal', 'tenggorokan', 'tulang', 'ngawur',
  'magang', 'maghrib', 'mojok', 'pacaran', 'panas', 'demam', 'gejala', 'corona', 'korona', 'covid', 'virus',
  'masker', 'vaksin', 'obat', 'rumah', 'sakit', 'menu', 'halo', 'hallo', 'lewati', 'batal', 'skip', 'kembali',
  'balik', 'bantuan', 'bansos', 'radar', 'tips', 'hoaks', 'relawan', 'cek', 'mandiri', 'data', 'terkini',
  'english', 'inggris', 'bahasa', 'indonesia', 'jawa', 'timur', 'jatim', 'provinsi', 'kota', 'kabupaten',
  'ibadah', 'sholat', 'salat', 'tarawih', 'nanti', 'hujan', 'banjir', 'bahaya', 'baru', 'batas', 'bayar', 'tanya',
  'jawab', 'kenapa', 'bagaimana', 'gimana', 'siapa', 'dimana', 'kapan', 'berapa', 'surat', 'sabar', 'sayang',
  'teman', 'tetangga', 'saudara', 'keluarga', 'bapak', 'ibunya', 'anak', 'pagi', 'siang', 'sore', 'besok',
  'kemarin', 'sekarang', 'terima', 'kasih', 'makasih', 'tolong', 'mohon', 'selamat', 'salam', 'tidak', 'bisa',
  'sudah', 'belum', 'pulang', 'pergi', 'kerja', 'sekolah', 'kuliah', 'dokter', 'perawat', 'bidan', 'puskesmas',
  'ngaji', 'sampan', 'member', 'lamun', 'bangsa', 'sidang', 'mojang', 'batuan', 'bekas', 'lumayan',
]);

/**
 * Frequent everyday Indonesian words. In a corpus of a few dozen documents even these look rare;
 * their weight is capped so that sharing them ("pertama kali", "mulai besok") proves nothing.
 */
export const GENERAL_WORDS: ReadonlySet<string> = new Set([
  'pertama', 'kali', 'hari', 'orang', 'mulai', 'besok', 'seluruh', 'dunia', 'sana', 'sini', 'sebenarnya', 'lain',
  'baru', 'lama', 'besar', 'kecil', 'banyak', 'sedikit', 'semua', 'setiap', 'tahun', 'bulan', 'minggu', 'waktu',
  'sekarang', 'nanti', 'dulu', 'tadi', 'harus', 'boleh', 'perlu', 'buat', 'kasih', 'tahu', 'lihat', 'dengar',
  'bilang', 'kata', 'pakai', 'punya', 'jadi', 'datang', 'pergi', 'keluar', 'masuk', 'naik', 'turun', 'buka',
  'ambil', 'kirim', 'beri', 'bawa', 'cari', 'jawab', 'coba', 'ikut', 'tinggal', 'hidup', 'kerja', 'main', 'duduk',
  'lari', 'bagus', 'baik', 'buruk', 'salah', 'beda', 'panjang', 'pendek', 'cepat', 'lambat', 'mudah', 'sulit',
  'penting', 'biasa', 'sering', 'jarang', 'selalu', 'lebih', 'kurang', 'paling', 'cukup', 'langsung', 'segera',
  'tetap', 'hampir', 'sekitar', 'antara', 'atas', 'bawah', 'belakang', 'luar', 'jauh', 'sebelum', 'setelah',
  'selama', 'sampai', 'sejak', 'cara', 'warga', 'masyarakat', 'teman', 'info', 'kabar', 'berita', 'grup', 'satu',
  'dua', 'tiga', 'empat', 'lima', 'ratus', 'ribu', 'juta', 'persen', 'indonesia', 'kota', 'daerah', 'tempat',
  'jalan', 'sama', 'begitu', 'semua', 'sendiri', 'bersama', 'lagi', 'sudah', 'belum', 'akan', 'sedang', 'masih',
  'benar', 'asli', 'resmi', 'terjadi', 'dapat', 'membuat', 'diri', 'kita', 'semalam', 'siang', 'malam', 'pagi',
  'sore', 'jam', 'pukul', 'tanggal', 'uang', 'bantu', 'tolong', 'mohon', 'beritahu', 'share', 'bagikan', 'sebar',
  'teruskan', 'viral', 'viralkan', 'penting', 'pemberitahuan', 'perhatian', 'awas', 'hati', 'ayo', 'untung',
  'berapa', 'kapan', 'biasa', 'biasanya', 'aman', 'kuat', 'kena', 'terkena', 'arti', 'artinya', 'maksud', 'maksudnya', 'contoh', 'misal',
]);
