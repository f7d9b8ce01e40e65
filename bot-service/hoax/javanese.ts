/**
 * Everyday East Javanese (ngoko, some krama) words -> Indonesian, for clustering chain messages
 * retold in Javanese. Applied after the understanding layer's own slang table (lexicon.ts), which
 * already covers the words citizens use in questions; these are the words of retold rumours:
 * time, quantities, verbs of doing and telling, the house and the body.
 *
 * Words that are also common Indonesian with another meaning are left out ("suruh", "mari",
 * "loro" is already "sakit" there).
 */
export const JAVANESE_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // time
    wiwit: 'mulai', sesuk: 'besok', mbesuk: 'besok', wingi: 'kemarin', mengko: 'nanti', engko: 'nanti', bengi: 'malam',
    wengi: 'malam', sewengi: 'semalam', isuk: 'pagi', esuk: 'pagi', awan: 'siang', wulan: 'bulan', sasi: 'bulan', taun: 'tahun',
    sakdurunge: 'sebelum', sadurunge: 'sebelum', durunge: 'sebelum', sakwise: 'setelah', sawise: 'setelah', sakbare: 'setelah',
    bar: 'setelah', sakmarine: 'setelah', ndisik: 'dulu', disik: 'dulu', bendino: 'setiap hari', saben: 'setiap', tau: 'pernah',
    // quantity and degree
    kabeh: 'semua', kabehe: 'semua', sakabehe: 'semua', akeh: 'banyak', okeh: 'banyak', sitik: 'sedikit', sithik: 'sedikit',
    kakehan: 'terlalu banyak', kesuwen: 'terlalu lama', suwe: 'lama', tok: 'saja', thok: 'saja', siji: 'satu', telu: 'tiga',
    papat: 'empat', limo: 'lima', pindo: 'dua kali', ping: 'kali', sak: 'se',
    // connecting words
    mergo: 'karena', merga: 'karena', amarga: 'karena', polae: 'karena', lan: 'dan', utowo: 'atau', utawa: 'atau',
    nanging: 'tapi', nangin: 'tapi', sampek: 'sampai', nganti: 'sampai', tekan: 'sampai', kanggo: 'untuk', nggo: 'untuk',
    gawe: 'buat', ono: 'ada', onok: 'ada', enek: 'ada', ana: 'ada', dudu: 'bukan', ojo: 'jangan', ojok: 'jangan', aja: 'jangan',
    gelem: 'mau', arep: 'akan', ape: 'akan', bakal: 'akan', sakjane: 'sebenarnya', sakjatine: 'sebenarnya', jare: 'katanya',
    ngene: 'begini', ngono: 'begitu', kono: 'sana', kene: 'sini', mrono: 'ke sana', mrene: 'ke sini', menyang: 'ke', nyang: 'ke',
    nok: 'di', ing: 'di', njero: 'dalam', jero: 'dalam', nduwur: 'atas', ngisor: 'bawah', ngarep: 'depan', mburi: 'belakang',
    dewe: 'sendiri', dhewe: 'sendiri', sampeyan: 'kamu', sampean: 'kamu', kowe: 'kamu', koen: 'kamu', awakmu: 'kamu',
    panjenengan: 'kamu', liyane: 'lainnya', liya: 'lain', liyo: 'lain', ndang: 'segera', cepet: 'cepat', maneh: 'lagi', meneh: 'lagi',
    // doing, telling, getting
    dadi: 'jadi', didadekno: 'dijadikan', didadekake: 'dijadikan', digawe: 'dibuat', dibukak: 'dibuka', bukak: 'buka',
    marai: 'membuat', nyebabke: 'menyebabkan', diuripke: 'dinyalakan', urip: 'hidup', dipateni: 'dimatikan', mateni: 'membunuh',
    diombe: 'diminum', ombenen: 'minum', weruh: 'lihat', delok: 'lihat', ndelok: 'lihat', krungu: 'dengar', ngomong: 'bilang',
    kandani: 'beri tahu', dikandani: 'diberi tahu', dikon: 'disuruh', jaluk: 'minta', nyuwun: 'mohon', dungo: 'doa', dongane: 'doanya',
    golek: 'cari', nggolek: 'mencari', tuku: 'beli', dodol: 'jual', mlaku: 'jalan', kerjo: 'kerja', nyambut: 'kerja',
    ijolno: 'tukarkan', ijoli: 'tukar', ngijoli: 'menukar', lebokno: 'masukkan', lebokke: 'masukkan', dilebokno: 'dimasukkan',
    kedaftar: 'terdaftar', nrimo: 'menerima', nerima: 'menerima', siapno: 'siapkan', siapke: 'siapkan', kabarono: 'kabari',
    mudun: 'turun', munggah: 'naik', ditandur: 'ditanam', tandur: 'tanam', ngresiki: 'membersihkan', resik: 'bersih',
    reged: 'kotor', nulungi: 'menolong', tulung: 'tolong', nolak: 'menolak', ditolak: 'ditolak', nyedot: 'menyedot',
    deleh: 'taruh', dideleh: 'ditaruh', nglairno: 'melahirkan', lairan: 'melahirkan', medhot: 'memutus', pedhot: 'putus',
    ngendalikno: 'mengendalikan', mantau: 'memantau', dicek: 'dicek', ngecek: 'mengecek', gowo: 'bawa', nggowo: 'membawa',
    entuk: 'dapat', oleh: 'dapat', angkati: 'angkat', tutupen: 'tutup', pasangen: 'pasang', isien: 'isi', kirimen: 'kirim',
    mbagi: 'membagikan', dibagi: 'dibagikan', narik: 'menarik', ditarik: 'ditarik', ngerusak: 'merusak', rusak: 'rusak',
    ambegan: 'napas', ambekan: 'napas', melu: 'ikut', mangkat: 'berangkat', teka: 'datang',
    // things, places, people, the body
    lawang: 'pintu', jendelo: 'jendela', dalan: 'jalan', banyu: 'air', toyo: 'air', toya: 'air', uyah: 'garam', anget: 'hangat',
    adem: 'dingin', wedang: 'minuman', sego: 'nasi', endhog: 'telur', endog: 'telur', pitik: 'ayam', duren: 'durian',
    brambang: 'bawang merah', kunir: 'kunyit', godong: 'daun', lombok: 'cabai', duwit: 'uang', dhuwit: 'uang',
    lawas: 'lama', anyar: 'baru', gedhe: 'besar', ireng: 'hitam', abang: 'merah', ijo: 'hijau', apik: 'bagus', elek: 'jelek',
    kebak: 'penuh', donya: 'dunia', dunyo: 'dunia', konco: 'teman', kanca: 'teman', koncoku: 'teman', tonggo: 'tetangga',
    ibuk: 'ibu', mbah: 'nenek', uwong: 'orang', utek: 'otak', bathuk: 'dahi', weteng: 'perut', sikil: 'kaki', mripat: 'mata',
    irung: 'hidung', cangkem: 'mulut', awake: 'badan', gaweane: 'buatan', gawean: 'buatan', bocah: 'anak', sekolahan: 'sekolah',
  })
);
