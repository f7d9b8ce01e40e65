/**
 * Word tables for reading typed self check-up answers. Data only.
 *
 * Typed text is tokenized (slang/Javanese mapped, see lexicon.ts), then ANSWER_PHRASES rewrites
 * yes/no/don't-know phrases to "ya" / "tidak" / "tidak tahu", longest phrase first, so that
 * "iya", "nggih", "yes" and the label "Ya" meet on the same word.
 */
export const ANSWER_PHRASES: ReadonlyArray<[string, string]> = [
  ['do not know', 'tidak tahu'],
  ['don t know', 'tidak tahu'],
  ['dont know', 'tidak tahu'],
  ['not sure', 'tidak tahu'],
  ['kurang tahu', 'tidak tahu'],
  ['tidak ingat', 'tidak tahu'],
  ['tidak yakin', 'tidak tahu'],
  ['tidak bisa bicara', 'sulit bicara'],
  ['tidak bisa napas', 'sulit napas'],
  ['tidak pernah', 'tidak'],
  ['tidak ada', 'tidak'],
  ['tidak punya', 'tidak'],
  ['idk', 'tidak tahu'],
  ['unsure', 'tidak tahu'],
  ['lupa', 'tidak tahu'],
  ['entah', 'tidak tahu'],
  ['mungkin', 'tidak tahu'],
  ['maybe', 'tidak tahu'],
  ['yes', 'ya'],
  ['yeah', 'ya'],
  ['yep', 'ya'],
  ['yup', 'ya'],
  ['y', 'ya'],
  ['betul', 'ya'],
  ['benar', 'ya'],
  ['pernah', 'ya'],
  ['punya', 'ya'],
  ['ada', 'ya'],
  ['no', 'tidak'],
  ['nope', 'tidak'],
  ['n', 'tidak'],
  ['none', 'tidak'],
  ['never', 'tidak'],
  // Intensifiers and colloquial verbs, so "sesak sekali, susah ngomong" meets "sangat sesak", "sulit bicara".
  ['sekali', 'sangat'],
  ['banget', 'sangat'],
  ['susah', 'sulit'],
  ['ngomong', 'bicara'],
  ['omong', 'bicara'],
];

/**
 * More ways to say a given answer, keyed by answer id (used for any question that has that id).
 * The answer's own labels (both languages) and its id are always accepted too.
 */
export const ANSWER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  ya: ['ya'],
  tidak: ['tidak'],
  tidak_tahu: ['tidak tahu'],
  berat: ['parah', 'sangat sesak', 'sesak sangat', 'sesak berat', 'severe', 'sulit bicara', 'nyeri dada', 'bibir biru', 'berat'],
  ringan: ['ringan', 'sedikit', 'agak sesak', 'sesak ringan', 'mild', 'slight', 'sedikit sesak'],
  ya_38: ['38 atau lebih', 'di atas 38', 'lebih dari 38', 'demam tinggi', 'panas tinggi', '38 or higher', 'above 38'],
  ya_riwayat: [
    'terasa demam', 'terasa panas', 'menggigil', 'badan panas', 'tidak diukur', 'belum diukur', 'feverish',
    'chills', 'not measured', 'panas dingin',
  ],
  lt_38: ['di bawah 38', 'kurang dari 38', 'below 38', 'under 38', 'suhu normal', 'diukur normal'],
  lt_60: ['di bawah 60', 'kurang dari 60', 'under 60', 'below 60', 'belum 60', 'muda', 'young'],
  ge_60: ['60 ke atas', 'di atas 60', 'lebih dari 60', 'over 60', '60 or older', 'lansia', 'tua', 'older', 'elderly', 'senior'],
};

/** Words that may stand next to a typed number without changing it ("39 derajat", "umur 35"). */
export const NUMBER_FILLERS: ReadonlySet<string> = new Set([
  'c', 'celcius', 'celsius', 'derajat', 'drajat', 'deg', 'degree', 'degrees', 'suhu', 'suhunya', 'suhuku', 'badan',
  'umur', 'umurku', 'usia', 'usiaku', 'tahun', 'thn', 'th', 'taun', 'years', 'year', 'old', 'yo', 'saya', 'im', 'i',
  'am', 'my', 'age', 'temperature', 'temp', 'is', 'sekitar', 'kira', 'kurleb', 'pas', 'tadi', 'diukur', 'ya',
]);
