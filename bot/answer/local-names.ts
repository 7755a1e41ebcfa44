/**
 * Local things residents name by a proper name and a kind: a village, a community or estate, a school,
 * a hospital, a park, a reservoir, a road (李家湾村, 西塘中学, 黄河路). A reply on one village's road or one
 * school's dormitory is no answer for another's, so such a name counts as a place does: covered only
 * where a text names it. The name is what jieba tags as a person's, place's or other proper name, or,
 * glued to the kind, a word its dictionary lacks (拉嘎村) or knows as place-like (黄河路), or a school's or
 * hospital's number (第三中学, 第一人民医院); never a common
 * word (老旧小区, 实验小学, 农村): a name it misreads is left to the evidence check, as before. A name some
 * text holds is a word of the question like any other: only one no text holds is said to be missing.
 */
import { findPlaces, wordSpans } from '../../index/index.js'

/** Kinds of local things; a place's name before an institution is the place's (泉州小学: 泉州's schools). */
const INSTITUTIONS = ['中学', '小学', '学校', '幼儿园', '卫生院', '医院']
const KINDS = ['社区', '小区', ...INSTITUTIONS, '公园', '水库', '大道', '路', '村']
const PROPER = /^(?:nr|ns|nz|nt)$/
/** glued to its kind, a name jieba's dictionary lacks, or a place-like word it knows (黄河路, 中山公园); not 民办学校 */
const GLUED = /^(?:x|ns)$/
/** a road's kind that jieba joins to the place on it (柳新|路上, 黄河|路口): the road is named all the same */
const ROAD_AT = /^(大道|路)(?:上|口|边|旁|段)$/u
/** a school's or hospital's number: 第三 (中学), 第一 (人民医院) */
const ORDINAL = /^第[一二三四五六七八九十\d]+$/u
/** a place with its level word (长宁区, 某某镇): 长宁区小区 is the district's estates */
const ADMINISTRATIVE = /(?:省|市|区|县|镇|乡|街道)$/

export interface LocalName {
  /** as written: 李家湾村 */
  text: string
  /** the proper name: 李家湾 */
  name: string
  /** the kind of thing: 村 */
  kind: string
}

/**
 * The local names in a text. Not a place's own (长宁区小区, 泉州小学), nor a common word before the kind:
 * jieba's tags tell (老旧小区, 民办学校 and 公路 are no names).
 */
export function localNames(text: string): LocalName[] {
  const words = wordSpans(text)
  // Inside a place the gazetteer knows (长寿路街道, 周村区) is that place.
  const places = findPlaces(text)
  return words.flatMap((word, i) => {
    const road = ROAD_AT.exec(word.word)?.[1]
    const kind = road ?? KINDS.find((ending) => word.word.endsWith(ending))
    if (!kind) return []
    const before = words[i - 1]
    const glued = !road && word.word.length >= kind.length + 2 && GLUED.test(word.tag)
    const apart = (road || word.word === kind) && !!before && before.end === word.start && before.word.length >= 2 && (PROPER.test(before.tag) || (!!road && GLUED.test(before.tag)))
    // A school or hospital by its number: 第三中学, 第一人民医院, 第二实验小学.
    const ordinal = word.word === kind && INSTITUTIONS.includes(kind) ? [words[i - 1], words[i - 2]].find((w) => w && ORDINAL.test(w.word)) : undefined
    if (!glued && !apart && !ordinal) return []
    const name = ordinal ? text.slice(ordinal.start, word.start) : glued ? word.word.slice(0, -kind.length) : before.word
    const start = ordinal ? ordinal.start : glued ? word.start : before.start
    if (places.some((place) => place.start < word.end && start < place.end && place.end - place.start > name.length)) return []
    // A place before 路口 or 路上 is as often where the crossing is (上海路口: in 上海) as a road's name.
    const placesOwn = ADMINISTRATIVE.test(name) || ((INSTITUTIONS.includes(kind) || !!road) && findPlaces(name).length > 0)
    return /^\p{Script=Han}+$/u.test(name) && !placesOwn ? [{ text: name + kind, name, kind }] : []
  })
}

/** Whether a text names it: as written, or with a word between (兰溪青年公园 for 兰溪公园). */
export function namesLocal(text: string, local: LocalName): boolean {
  return new RegExp(`${local.name}[^，。；、\\s]{0,4}${local.kind}`, 'u').test(text)
}
