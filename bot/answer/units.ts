/**
 * How people name a responding unit: 长宁区科学技术委员会 is also 长宁区科委, 区科委 and 科委.
 * Derived from each document's unit by the standard abbreviations of government bodies, so new
 * documents need no new entries here unless they bring a new kind of body.
 */
const ABBREVIATIONS: [string, string][] = [
  ['科学技术委员会', '科委'],
  ['科学技术厅', '科技厅'],
  ['科学技术局', '科技局'],
  ['发展和改革委员会', '发改委'],
  ['商务委员会', '商务委'],
  ['建设和管理委员会', '建管委'],
  ['绿化和市容管理局', '绿化市容局'],
  ['人力资源和社会保障局', '人社局'],
  ['文化和旅游局', '文旅局'],
  ['工业和信息化局', '工信局'],
  ['城市管理局', '城管局'],
  ['人民政府办公厅', '政府办公厅'],
  ['地区工作办公室', '地区办'],
  ['房屋管理局', '房管局'],
  ['街道办事处', '街道'],
]
/** "上海市普陀区", "普陀区", "上海市": the place part of a unit name. */
const PLACE = /^((?:上海市|[\p{Script=Han}]{2,3}省)?(?:[\p{Script=Han}]{2,3}?[市区县])?)(.+)$/u

export function unitAliases(unit: string): string[] {
  const [, place = '', body = unit] = PLACE.exec(unit) ?? []
  // "人民政府程家桥街道办事处" is the 程家桥街道; "市工信局" is the 工信局.
  const bare = body.replace(/^人民政府(?=.{3,})|^[市区县](?=.{2,})/, '')
  const bodies = new Set([body, bare])
  for (const [long, short] of ABBREVIATIONS) for (const b of [body, bare]) if (b.includes(long)) bodies.add(b.replace(long, short))
  const places = new Set([place, place.replace(/^上海市/, ''), place.replace(/^上海市|[市区县]$/g, '')])
  const level = place.slice(-1)
  if (level) places.add(level)
  const aliases = new Set<string>([unit])
  for (const p of places) for (const b of bodies) aliases.add(p + b)
  // A bare body ("科委", "民政局") is how people refer to it when the place is understood.
  for (const b of bodies) if (b.length >= 2) aliases.add(b)
  return [...aliases].filter((alias) => alias.length >= 2)
}
