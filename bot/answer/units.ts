/**
 * How people name a responding unit: 长宁区科学技术委员会 is also 长宁区科委, 区科委 and 科委. Derived from
 * each unit's own name: the place prefix is cut off with the gazetteer (any province, city, district),
 * and the body is shortened by the usual abbreviations of government bodies across China, so a new
 * corpus from another city needs no entry here unless it brings a new kind of body.
 */
import { findPlaces, splitPlacePrefix } from '../../index/index.js'

/** Full name of a kind of government body → how it is usually shortened (a body often two ways: 绿化市容局, 绿容局). */
const ABBREVIATIONS: [string, string][] = [
  ['科学技术委员会', '科委'],
  ['科学技术厅', '科技厅'],
  ['科学技术局', '科技局'],
  ['发展和改革委员会', '发改委'],
  ['发展改革委员会', '发改委'],
  ['发展和改革局', '发改局'],
  ['卫生健康委员会', '卫健委'],
  ['卫生和健康委员会', '卫健委'],
  ['卫生健康局', '卫健局'],
  ['住房和城乡建设委员会', '住建委'],
  ['住房城乡建设委员会', '住建委'],
  ['住房和城乡建设局', '住建局'],
  ['住房和城乡建设厅', '住建厅'],
  ['教育委员会', '教委'],
  ['教育局', '教育局'],
  ['民政局', '民政局'],
  ['市场监督管理局', '市场监管局'],
  ['市场监督管理局', '市监局'],
  ['医疗保障局', '医保局'],
  ['商务委员会', '商务委'],
  ['经济和信息化委员会', '经信委'],
  ['经济和信息化局', '经信局'],
  ['工业和信息化局', '工信局'],
  ['工业和信息化厅', '工信厅'],
  ['建设和管理委员会', '建管委'],
  ['建设和交通委员会', '建交委'],
  ['交通运输委员会', '交通委'],
  ['交通运输局', '交通局'],
  ['规划和自然资源局', '规划资源局'],
  ['规划和自然资源局', '规资局'],
  ['生态环境局', '环保局'],
  ['绿化和市容管理局', '绿化市容局'],
  ['绿化和市容管理局', '绿容局'],
  ['人力资源和社会保障局', '人社局'],
  ['人力资源社会保障局', '人社局'],
  ['文化和旅游局', '文旅局'],
  ['文化旅游局', '文旅局'],
  // Counties and small cities merge bureaus, and shorten the merged names.
  ['文化广电和旅游局', '文广旅局'],
  ['文化广电旅游局', '文广旅局'],
  ['文化广电和旅游局', '文广局'],
  ['文化广电旅游局', '文广局'],
  ['文化广播电视局', '文广局'],
  ['文化体育和旅游局', '文体旅局'],
  ['教育和体育局', '教体局'],
  ['教育体育局', '教体局'],
  ['卫生健康和体育局', '卫体局'],
  ['自然资源和规划局', '自然资源局'],
  ['自然资源和规划局', '资规局'],
  ['城市管理局', '城管局'],
  ['城市管理行政执法局', '城管执法局'],
  ['房屋管理局', '房管局'],
  ['财政局', '财政局'],
  ['公安局', '公安局'],
  ['退役军人事务局', '退役军人局'],
  ['体育局', '体育局'],
  ['水务局', '水务局'],
  ['农业农村委员会', '农委'],
  ['农业农村局', '农业农村局'],
  ['应急管理局', '应急局'],
  ['数据资源管理局', '数据局'],
  ['大数据管理局', '大数据局'],
  ['政务服务管理办公室', '政务办'],
  ['国有资产监督管理委员会', '国资委'],
  ['人民防空办公室', '人防办'],
  ['民防办公室', '民防办'],
  ['投资促进办公室', '投促办'],
  ['机关事务管理局', '机管局'],
  ['信访办公室', '信访办'],
  ['金融工作局', '金融局'],
  ['地方金融监督管理局', '金融局'],
  ['残疾人联合会', '残联'],
  ['妇女联合会', '妇联'],
  ['人民政府', '政府'],
  ['人民政府办公厅', '政府办公厅'],
  ['人民政府办公室', '政府办'],
  ['地区工作办公室', '地区办'],
  ['街道办事处', '街道'],
  // The central government's, whose replies a local corpus rarely holds: named, they are said to have none here.
  ['国务院办公厅', '国办'],
  ['人力资源和社会保障部', '人社部'],
  ['住房和城乡建设部', '住建部'],
  ['国家发展和改革委员会', '国家发改委'],
  ['国家卫生健康委员会', '国家卫健委'],
  ['工业和信息化部', '工信部'],
  ['科学技术部', '科技部'],
  ['国家医疗保障局', '国家医保局'],
]

/**
 * Names so general that they say only "some government": alone, without a place, they scope nothing
 * (人民政府今年放假安排 is not a question to a particular 区人民政府).
 */
const GENERIC_BODIES = new Set(['人民政府', '政府', '办公厅', '办公室', '政府办', '政府办公厅', '委员会', '街道', '街道办事处', '管理局', '人大', '政协'])

/** Whether a name says only "some government" (政府, 区政府, 办公室): it tells no body from another. */
export function isGenericBody(name: string): boolean {
  return GENERIC_BODIES.has(name.replace(/^[省市区县镇乡]/, ''))
}

/** Every name of a government body this table knows, long and short, for telling that a message names one. */
export const BODY_NAMES: readonly string[] = [...new Set(ABBREVIATIONS.flat().flatMap(withShortCommittee))]
  .filter((name) => !GENERIC_BODIES.has(name))
  .sort((a, b) => b.length - a.length)

const SHORT_NAMES = [...new Set(ABBREVIATIONS.map(([, short]) => short))].filter((name) => !GENERIC_BODIES.has(name))

function abbreviates(short: string, name: string): boolean {
  if (short.length >= name.length || short[0] !== name[0] || short.at(-1) !== name.at(-1)) return false
  // 公安局长宁分局 is a part of a 公安局, not one.
  if (name.startsWith(short)) return false
  let at = 0
  for (const char of short) {
    at = name.indexOf(char, at) + 1
    if (at === 0) return false
  }
  return true
}

/**
 * A body named after the place it serves, inside the name of the body it belongs to (交警潘集大队,
 * 公安局长宁分局): people name it by its place first (潘集交警大队, 长宁分局, 长宁公安分局) or leave the place out
 * (交警大队). Not a general body (人民政府…街道办事处 is not a 人民政府办事处).
 */
function placeInsideNames(unit: string, body: string): string[] {
  // Found in the whole name: the word cut of the body alone may run over the place (公安局长|宁|分局).
  const offset = unit.length - body.length
  return findPlaces(unit).flatMap((place) => {
    if (place.start < offset) return []
    const before = body.slice(0, place.start - offset)
    const after = body.slice(place.end - offset)
    if (!before || after.length < 2) return []
    const bare = GENERIC_BODIES.has(before) ? [] : [before + after]
    // A bureau's branch drops the 局 its name repeats: 公安局长宁分局 is the 长宁公安分局.
    const branch = /局$/.test(before) && after.startsWith('分') ? before.slice(0, -1) + after : before + after
    return [...new Set([place.text, place.stem])].flatMap((form) => [form + after, form + branch]).concat(bare)
  })
}

/** A 委员会 is as often called a 委 with the rest of its name kept: 卫生健康委员会 → 卫生健康委. */
function withShortCommittee(name: string): string[] {
  return name.endsWith('委员会') && name.length > 3 ? [name, name.slice(0, -2)] : [name]
}

export function unitAliases(unit: string): string[] {
  const { places, rest: body } = splitPlacePrefix(unit)
  // "人民政府程家桥街道办事处" is the 程家桥街道; "市工信局" is the 工信局.
  const bare = body.replace(/^人民政府(?=.{3,})|^[省市区县](?=.{2,})/, '')
  const bodies = new Set([body, bare].flatMap(withShortCommittee))
  for (const [long, short] of ABBREVIATIONS) for (const b of [body, bare]) if (b.includes(long)) bodies.add(b.replace(long, short))
  // A short name its own name holds in order, first and last characters kept, is its name too: 文广旅游局 is
  // the county's 文广局, 教育体育局 its 教育局, whatever words the merged name was written with; a 委员会 by its
  // 委 (农业委员会, 农业委: the 农委).
  for (const short of SHORT_NAMES) if (withShortCommittee(bare).some((name) => abbreviates(short, name))) bodies.add(short)
  for (const name of placeInsideNames(unit, bare)) bodies.add(name)
  // Each place of the prefix, as written and as its stem, alone and joined to the places after it; and its level word (区科委).
  const prefixes = new Set<string>([''])
  places.forEach((place, i) => {
    const after = places.slice(i + 1).map((p) => p.text).join('')
    for (const form of [place.text, place.stem]) prefixes.add(form + after)
    if (i === places.length - 1) prefixes.add(place.text.slice(-1))
  })
  prefixes.add(places.map((p) => p.text).join(''))
  const aliases = new Set<string>([unit])
  // A general body scopes only with a real place before it: 区人民政府 is still any district's.
  for (const prefix of prefixes) for (const b of bodies) if (prefix.length >= 2 || !GENERIC_BODIES.has(b)) aliases.add(prefix + b)
  return [...aliases].filter((alias) => alias.length >= 2 && !GENERIC_BODIES.has(alias))
}
