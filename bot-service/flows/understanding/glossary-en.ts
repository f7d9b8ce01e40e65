/**
 * English -> Indonesian glossary of the words citizens use about COVID-19.
 *
 * Hoax claims are stored in Indonesian only, and English questions often use words the FAQ's
 * English text does not; a typed English word also matches through its Indonesian translation.
 * Data only. Keys are folded English words; values are Indonesian words.
 */
export const GLOSSARY_EN: Readonly<Record<string, string>> = {
  garlic: 'bawang putih', onion: 'bawang merah', onions: 'bawang merah', shallot: 'bawang merah', shallots: 'bawang merah',
  boil: 'rebus', boiled: 'rebus', boiling: 'rebus', water: 'air', clove: 'siung', cloves: 'siung',
  glass: 'gelas', glasses: 'gelas', cup: 'gelas', cups: 'gelas', drink: 'minum', drinking: 'minum', drank: 'minum',
  cure: 'sembuh', cured: 'sembuh', cures: 'sembuh', heal: 'sembuh', heals: 'sembuh', healed: 'sembuh', recover: 'sembuh',
  overnight: 'semalam', doctor: 'dokter', doctors: 'dokter', china: 'tiongkok china', chinese: 'tiongkok china',
  japan: 'jepang', japanese: 'jepang', egypt: 'mesir', egyptian: 'mesir', salt: 'garam', salty: 'garam',
  gargle: 'kumur', gargling: 'kumur', warm: 'hangat', throat: 'tenggorokan', lung: 'paru', lungs: 'paru',
  day: 'hari', days: 'hari', hold: 'tahan', holding: 'tahan', breath: 'napas', breathe: 'napas', breathing: 'napas',
  second: 'detik', seconds: 'detik', cough: 'batuk', coughing: 'batuk', stomach: 'lambung', acid: 'asam',
  minute: 'menit', minutes: 'menit', heat: 'panas', hot: 'panas', temperature: 'suhu', temperatures: 'suhu',
  degree: 'derajat', degrees: 'derajat', ice: 'es', cream: 'krim', cold: 'dingin', sunbathe: 'berjemur',
  sunbathing: 'berjemur', sun: 'matahari', smoke: 'rokok', smoking: 'rokok', smoker: 'perokok', smokers: 'perokok',
  cigarette: 'rokok', cigarettes: 'rokok', nicotine: 'nikotin', coats: 'lapis', coat: 'lapis', alcohol: 'alkohol',
  liquor: 'arak', kill: 'bunuh', kills: 'bunuh', killed: 'bunuh', killing: 'bunuh', egg: 'telur', eggs: 'telur',
  baby: 'bayi', babies: 'bayi', newborn: 'bayi lahir', born: 'lahir', talk: 'bicara', talked: 'bicara', speak: 'bicara',
  midnight: 'jam 12 malam', radiation: 'radiasi', network: 'jaringan', networks: 'jaringan', tower: 'jaringan',
  towers: 'jaringan', vaccine: 'vaksin', vaccines: 'vaksin', vaccinated: 'vaksin', vaccination: 'vaksin',
  microchip: 'chip', microchips: 'chip', chip: 'chip', implanted: 'tanam', control: 'kendali', population: 'penduduk',
  spray: 'semprot', sprayed: 'semprot', spraying: 'semprot', helicopter: 'helikopter', helicopters: 'helikopter',
  tonight: 'nanti malam', night: 'malam', laundry: 'jemuran', clothesline: 'jemuran', rain: 'hujan',
  wind: 'angin', winds: 'angin', australia: 'australia', north: 'utara', lockdown: 'lockdown', total: 'total',
  stock: 'stok', food: 'makanan', supplies: 'stok', bridge: 'jembatan', closed: 'tutup', close: 'tutup',
  shut: 'tutup', market: 'pasar', markets: 'pasar', traders: 'pedagang', vendors: 'pedagang', sellers: 'pedagang',
  hospital: 'rumah sakit', hospitals: 'rumah sakit', patient: 'pasien', patients: 'pasien', positive: 'positif',
  negative: 'negatif', dead: 'meninggal', died: 'meninggal', die: 'meninggal', dies: 'meninggal',
  funds: 'dana', money: 'dana', paid: 'dana', government: 'pemerintah', thermo: 'thermo', gun: 'gun',
  thermogun: 'thermo gun', forehead: 'dahi', brain: 'otak', pineal: 'pineal', gland: 'kelenjar', laser: 'laser',
  infrared: 'inframerah', wrist: 'pergelangan', mask: 'masker', masks: 'masker', masker: 'masker',
  oxygen: 'oksigen', hypoxia: 'hipoksia', poisoning: 'keracunan', carbon: 'co2', dioxide: 'co2', healthy: 'sehat',
  link: 'link', assistance: 'bantuan', subsidy: 'bantuan', registered: 'terdaftar',
  necklace: 'kalung', eucalyptus: 'eucalyptus', herbal: 'herbal', herb: 'herbal', antibody: 'antibodi',
  antibodies: 'antibodi', professor: 'profesor', black: 'hitam', zone: 'zona', red: 'merah', durian: 'durian',
  fined: 'denda', ticket: 'tilang', ticketed: 'tilang', governor: 'gubernur', invitation: 'undangan',
  quarantine: 'karantina', quarantined: 'karantina', stadium: 'stadion',
  vehicles: 'kendaraan', vehicle: 'kendaraan', center: 'pusat', centre: 'pusat', epicenter: 'pusat',
  first: 'pertama', virus: 'virus', bats: 'kelelawar', bat: 'kelelawar', kitchen: 'dapur',
  ginger: 'jahe', turmeric: 'kunyit', lemongrass: 'serai', cinnamon: 'kayu manis', sugar: 'gula',
  researcher: 'peneliti', researchers: 'peneliti', unicef: 'unicef', large: 'besar', big: 'besar',
  airborne: 'udara', fear: 'takut', mosque: 'masjid', curfew: 'jam malam', pm: 'jam', roads: 'jalan', road: 'jalan',
  // Words of English questions about the FAQ topics.
  when: 'kapan', should: 'harus', must: 'harus', long: 'lama', dog: 'anjing', dogs: 'anjing', cat: 'kucing', cats: 'kucing', pet: 'hewan peliharaan',
  pets: 'hewan peliharaan', animal: 'hewan', animals: 'hewan', elderly: 'lansia', elders: 'lansia', old: 'tua',
  older: 'lansia', grandparents: 'kakek nenek', grandma: 'nenek', grandpa: 'kakek', breastfeed: 'menyusui',
  breastfeeding: 'menyusui', breastmilk: 'asi', pregnant: 'hamil', pregnancy: 'kehamilan', child: 'anak',
  children: 'anak', kids: 'anak', kid: 'anak', toddler: 'balita', pray: 'ibadah salat doa', prayer: 'ibadah salat doa',
  prayers: 'ibadah salat doa', worship: 'ibadah', church: 'gereja', aid: 'bantuan', social: 'sosial',
  welfare: 'bansos', risk: 'risiko', high: 'tinggi', severe: 'berat', illness: 'sakit', sick: 'sakit', ill: 'sakit',
  symptom: 'gejala', symptoms: 'gejala', fever: 'demam', tested: 'tes', swab: 'swab', hotline: 'hotline',
  number: 'nomor', numbers: 'nomor', phone: 'telepon', call: 'telepon', referral: 'rujukan', emergency: 'darurat igd',
  isolate: 'isolasi', isolation: 'isolasi', home: 'rumah', house: 'rumah', wash: 'cuci', washing: 'cuci',
  hand: 'tangan', hands: 'tangan', soap: 'sabun', sanitizer: 'sanitizer', distancing: 'jarak', distance: 'jarak',
  crowd: 'kerumunan', crowds: 'kerumunan', immune: 'imun kebal', immunity: 'imun kebal', boost: 'tingkatkan',
  disinfectant: 'disinfektan', body: 'tubuh badan jenazah', delivery: 'pesan antar', funeral: 'pemakaman jenazah',
  burial: 'pemakaman jenazah', corpse: 'jenazah', dangerous: 'bahaya', danger: 'bahaya', neighbor: 'tetangga',
  neighbour: 'tetangga', nurse: 'perawat', nurses: 'perawat', treat: 'sikap', hoax: 'hoaks', fake: 'hoaks bohong',
  news: 'berita', chain: 'berantai', message: 'pesan', messages: 'pesan', cases: 'kasus', case: 'kasus',
  official: 'resmi', medicine: 'obat', medicines: 'obat', drug: 'obat', drugs: 'obat', antibiotic: 'antibiotik',
  antibiotics: 'antibiotik', wear: 'pakai', wearing: 'pakai', cloth: 'kain', family: 'keluarga', husband: 'suami',
  wife: 'istri', mother: 'ibu', mothers: 'ibu', surface: 'permukaan', surfaces: 'permukaan', survive: 'bertahan',
  last: 'bertahan', incubation: 'inkubasi', spread: 'menular penularan', spreads: 'menular penularan',
  transmitted: 'menular', without: 'tanpa', people: 'orang', person: 'orang', diabetes: 'diabetes',
  hypertension: 'hipertensi', asthma: 'asma', heart: 'jantung', protect: 'lindungi', protection: 'lindungi',
  eid: 'lebaran', hometown: 'kampung', allowed: 'boleh', rapid: 'rapid', difference: 'beda', between: 'beda',
  come: 'pulang', came: 'pulang', back: 'pulang', coming: 'pulang', travel: 'perjalanan', city: 'kota',
  east: 'timur', java: 'jawa', cemetery: 'makam', grave: 'makam', register: 'daftar', complain: 'adu',
};

/** The glossary as a map to word lists (no inherited keys, no splitting at match time). */
export const GLOSSARY_EN_MAP: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(GLOSSARY_EN).map(([en, id]) => [en, id.split(' ')])
);
