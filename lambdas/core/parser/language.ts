/**
 * Language of a release body, as a BCP-47 primary tag.
 *
 * Why a hand-written detector and not a library: franc / franc-min are ESM-only (they do not load
 * under jest's CommonJS transform); tinyld and eld do load but ship multi-megabyte n-gram profiles
 * into every Lambda bundle for ~60 languages we do not need, and their answers on short texts move
 * between versions. Press releases are long, edited prose, so a stopword profile per language is
 * accurate for the twelve languages the wires carry most (en, es, fr, de, pt, it, nl, ru, zh, ja,
 * ko, ar), deterministic, and tiny. Scripts decide the non-Latin ones; stopword hits decide the rest.
 */

const STOPWORDS: Record<string, string> = {
  en: 'the and of to in is that for with as on by at from this be are was it an or its has have will which their said we our more than been also new today about into who they not can other after over all were these',
  es: 'el la los las de del que y en un una por con para es se su al lo como más sus fue este esta ha son entre desde hoy sobre también pero sin hasta nuestro nuestra han ser muy cuando donde año empresa través durante',
  fr: 'le la les des du de et est un une pour dans en que qui sur par au aux avec ce cette sont plus ses été leur nous pas ont aussi entre depuis sera fait être comme notre nos elle il ou mais',
  de: 'der die das und ist ein eine mit für von den dem des auf im zu nicht sich auch als wird werden bei sind einer eines einem zum zur wir unsere hat haben nach über durch sowie oder kann heute',
  pt: 'o a os as de do da dos das e que em um uma para com por não se ao na no mais como foi são pela pelo nos nas seu sua seus suas também hoje sobre entre está ser anos empresa já',
  it: 'il lo la i gli le di del della e che è un una per con non si da nel nella sono alla al anche più dei delle degli alle ha stato essere questo questa oggi tra fra suo sua loro nostro',
  nl: 'de het een en van in is dat op te met voor zijn niet aan er ook als bij door wordt naar deze om onze wij heeft hebben tot uit over meer dan nog kan worden haar hun',
  sv: 'och att det som för på är med av till den har en ett om inte de vi kan också från eller vid under sina sitt efter detta mer än bolaget',
  da: 'og at det som for på er med af til den har en et om ikke de vi kan også fra eller ved under sine sit efter dette mere end selskabet',
  no: 'og at det som for på er med av til den har en et om ikke de vi kan også fra eller ved under sine sitt etter dette mer enn selskapet',
  pl: 'i w na z do że się nie jest to o od za po przez oraz dla jak ich jego jej które który która są był była będzie także firma',
};

/** Letters that only some of the languages above use: a light extra vote for them. */
const MARKS: Record<string, RegExp> = {
  es: /[ñ¿¡]/g,
  pt: /[ãõ]/g,
  fr: /[œ]|\b(?:l|d|qu|n|s|j)['’][aeiouhéèêâ]/g,
  de: /[ß]|\b\w*(?:ä|ö|ü)\w*\b/g,
  pl: /[łśźżąęń]/g,
  sv: /[å]\w*|\bär\b/g,
  nl: /\bij\w*|\w+ij\b/g,
};

/** Each stopword with the languages it belongs to, so one pass over the words scores them all. */
const LANGUAGES = Object.keys(STOPWORDS);
const WORD_LANGS = new Map<string, number[]>();
LANGUAGES.forEach((lang, i) => {
  for (const w of (STOPWORDS[lang] ?? '').split(' ')) {
    const langs = WORD_LANGS.get(w) ?? [];
    if (!langs.includes(i)) langs.push(i);
    WORD_LANGS.set(w, langs);
  }
});

/** Minimum counts before we answer: below them a body is too short to judge. */
const MIN_WORDS = 8;
const MIN_HITS = 3;
const MIN_SCRIPT_CHARS = 20;
/** A release's language shows in its first few thousand characters; reading more costs time only. */
const SAMPLE_CHARS = 6000;

/** The BCP-47 language of `text`, or null when it is too short or too mixed to judge. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const script = scriptLanguage(sample);
  if (script !== undefined) return script;
  const lower = sample.toLowerCase();
  const words = lower.match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const w of words) {
    const langs = WORD_LANGS.get(w);
    if (langs) for (const i of langs) hits[i] = (hits[i] ?? 0) + 1;
  }
  const scores: [string, number][] = LANGUAGES.map((lang, i) => {
    const h = hits[i] ?? 0;
    const mark = MARKS[lang];
    // Marks only ever add to a language its function words already support.
    const marks = mark && h > 0 ? (lower.match(mark) ?? []).length : 0;
    return [lang, h + Math.min(marks, h) * 0.5];
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = scores[0] ?? ['', 0];
  const second = scores[1]?.[1] ?? 0;
  // Demand a clear winner: Romance and Scandinavian languages share many short words.
  if (bestScore < MIN_HITS || bestScore < second * 1.3) return null;
  // A body of mostly names and numbers with a few function words: answer only with a clear share.
  if (bestScore / words.length < 0.08) return null;
  return best;
}

/**
 * Decides by script when a non-Latin script dominates the letters: kana → ja, Hangul → ko, Han
 * alone → zh, Cyrillic → ru, Arabic → ar. Returns undefined when Latin letters dominate (stopwords
 * decide), null when there are too few letters in the dominant script to judge.
 */
function scriptLanguage(text: string): string | null | undefined {
  let latin = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    // UTF-16 units: every script counted here lies in the BMP, so no surrogate pairs to join.
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) hangul++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
  }
  const cjk = han + kana + hangul;
  // CJK characters carry about a word each, Latin letters a fifth of one: compare like with like.
  const scores: [string, number][] = [
    ['latin', latin / 5],
    ['cjk', cjk],
    ['ru', cyrillic / 5],
    ['ar', arabic / 5],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const top = scores[0];
  if (!top || top[0] === 'latin') return undefined;
  if (top[0] === 'cjk') {
    if (cjk < MIN_SCRIPT_CHARS) return null;
    if (kana > cjk * 0.05) return 'ja';
    if (hangul > cjk * 0.3) return 'ko';
    return 'zh';
  }
  return top[1] * 5 >= MIN_SCRIPT_CHARS * 3 ? top[0] : null;
}
