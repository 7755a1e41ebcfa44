/**
 * Local things residents name by a proper name and a kind: a village, a community or estate, a school,
 * a hospital, a park, a reservoir (李家湾村, 西塘中学, 阳光花园小区). A reply on one village's road or one
 * school's dormitory is no answer for another's, so such a name counts as a place does: covered only
 * where a text names it. The name is what jieba tags as a person's, place's or other proper name, or,
 * glued to the kind, a word its dictionary lacks (拉嘎村); never a common word (老旧小区, 实验小学, 农村):
 * a name it misreads is left to the evidence check, as before. A name some text holds is a word of the
 * question like any other: only one no text holds is said to be missing.
 */
import { findPlaces, wordSpans } from '../../index/index.js'

const KINDS = ['社区', '小区', '中学', '小学', '学校', '幼儿园', '卫生院', '医院', '公园', '水库', '村']
const PROPER = /^(?:nr|ns|nz|nt)$/

export interface LocalName {
  /** as written: 李家湾村 */
  text: string
  /** the proper name: 李家湾 */
  name: string
  /** the kind of thing: 村 */
  kind: string
}

/**
 * The local names in a text. Not a place's (泉州小学 is 泉州's schools, 周村区 a district: the gazetteer
 * knows them), nor a word of jieba's dictionary that ends with a kind (民办学校, 中山公园): glued to its
 * kind, only a name the dictionary lacks is one.
 */
export function localNames(text: string): LocalName[] {
  const words = wordSpans(text)
  return words.flatMap((word, i) => {
    const kind = KINDS.find((ending) => word.word.endsWith(ending))
    if (!kind) return []
    const before = words[i - 1]
    const glued = word.word.length >= kind.length + 2 && word.tag === 'x'
    const apart = word.word === kind && !!before && before.end === word.start && before.word.length >= 2 && PROPER.test(before.tag)
    if (!glued && !apart) return []
    const name = glued ? word.word.slice(0, -kind.length) : before.word
    return /^\p{Script=Han}+$/u.test(name) && findPlaces(name).length === 0 ? [{ text: name + kind, name, kind }] : []
  })
}

/** Whether a text names it: as written, or with a word between (兰溪青年公园 for 兰溪公园). */
export function namesLocal(text: string, local: LocalName): boolean {
  return new RegExp(`${local.name}[^，。；、\\s]{0,4}${local.kind}`, 'u').test(text)
}
