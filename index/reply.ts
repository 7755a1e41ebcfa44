/**
 * Cleaned reply text → metadata. Replies to 提案 / 代表建议, and the 会办意见 / 协办函 a co-handling unit sends
 * to the lead unit, share one layout: a heading naming session and number, a salutation, an opening sentence
 * ("…提出的《…》的提案收悉，现将办理情况答复如下"), the body, a signature (unit, date) and a contact block.
 * Each field is read from its own wording only; a field whose wording is not in the text stays absent.
 */
import { spaced, type PortalFields } from './portal.js'
import { HAN, chineseNumeral } from './text.js'
import type { Contact, ReplyMetadata } from './types.js'

type Kinds = Array<[kind: string, pattern: RegExp]>

const H = HAN.source
const NUMERAL = '[一二三四五六七八九十]+'
/** A government office's name ends in one of these (a letterhead must: see LETTERHEAD_NAME). */
const OFFICE_ENDING = '委员会|办公室|办公厅|办事处|政府|街道|中心|局|委|办|厅'
/** Names of answering bodies end in one of these; anything else (a website name such as 上海普陀) is not a unit. */
const UNIT_NAME = `${H}{1,40}(?:${OFFICE_ENDING}|处|院|部|署|所|站|镇|乡|队)`
/** Page fields print dates as "2023-10-18", "2019年11月08日" or "2020/07/11". */
const DATE_VALUE = '(\\d{4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2})'
/**
 * Signed letters often write the date in Chinese numerals: 二〇一七年五月二十六日, with 〇 also typed
 * as ○, 零, O or a Latin 0 (二0一七年). Years are read digit by digit, months and days as numbers.
 */
const ZERO = '〇○零0OoΟ'
const CN_DIGITS = `[${ZERO}一二三四五六七八九]`
const CN_NUMBER = '[一二三四五六七八九十]{1,3}'
const CN_DATE_VALUE = `(${CN_DIGITS}{4}\\s*年\\s*${CN_NUMBER}\\s*月\\s*${CN_NUMBER})\\s*日`
/** "提出的", "提交的", "所提", "(会议)上建议的": the verb that links a proposer to the motion in the opening sentence. */
const PROPOSED = '(?:(?:提出|提交|所提)的?|(?<=上)建议的)'


/**
 * A labelled field: "标签：值", "标签: |值|" (a table cell), "标签:\n值" (value on the next line), "标签(值)".
 * `value` holds exactly one capture group.
 */
function labelled(labels: string[], value: string): RegExp {
  return new RegExp(`(?:${labels.map(spaced).join('|')})\\s*[:：(（][ \\t]*(?:\\|[ \\t]*)?(?:\\n[ \\t]*)?${value}`, 'mu')
}

/**
 * The opening sentence acknowledges receipt ("…收悉") or, without one, announces the answer ("答复情况如下:",
 * a co-handling letter's "现提出协办意见如下:"), says the motion was handed over (…第122号建议交县卫生健康局办理),
 * or in some replies only begins with the motion ("您好！您提出的《…》对于…具有重要意义", "第18号,何某等代表提出的
 * 《…》"); it ends the head. A form's row saying it was handed over (议案办理情况|已于2023年4月转交黄牛铺镇办理)
 * is a tracking field above the reply, not its opening.
 */
const OPENING = /收悉|(?:答复|函告|协办意见|会办意见)(?:情况)?如下|^[^|。]{0,20}(?:委员|代表)(?:们)?(?:提出|提交)的[《“]|^[^|]*(?:交|转交|交由|转由)[^。，,|]{0,10}办理[^|]*$|^\s*(?:(?:您|你)好[!！,，]?\s*)?(?:您|你们?)(?:提出|提交|所提)的/u
/**
 * Some replies open with thanks for the motion (感谢您提出的…的建议。) and never say 收悉: an opening only right under
 * the salutation, since replies also close with such thanks (再次感谢您提出的宝贵建议).
 */
const THANKED_OPENING = /^\s*(?:感谢|谢谢)(?:您|你们?)(?:提出|提交|所提)的/u

function openingAt(lines: string[]): number {
  const at = lines.findIndex((line) => OPENING.test(line))
  return at >= 0 ? at : lines.findIndex((line, i) => i < HEAD_LINES && THANKED_OPENING.test(line) && salutationAbove(lines, i) !== undefined)
}

/** A salutation is a bare name line ("张三、李四委员：", "区科委", "团区委", or eleven names and 代表); "尊敬的", "尊敬", "敬爱的" are courtesy, not name. */
const COURTESY_TITLE = '(?:尊敬的?|敬爱的)'
const SALUTATION = new RegExp(`^\\s*${COURTESY_TITLE}?([${H}\\d、，,· \\t\u3000]{2,90}?)\\s*[:：]?$`, 'u')
/** The heading sits just above the opening when there is no salutation; headings name a 会议 or end in 答复/意见/函. */
const HEADING_LINE = /会议|(?:答复|意见|函)$/u
/** A greeting line between salutation and opening belongs to neither. */
const GREETING = /^(?:您|你)好[!！,，]?$/u
/** 您/你们/贵委 in the opening mean the addressee proposed the motion. */
const PRONOUN = /^(?:现将|现就|兹将|兹就|感谢|谢谢|对于|关于)?(?:您|你|贵)/u
/**
 * "程磊等委员", "叶俊杰三位委员", "余思彦代表", "张小华政协委员", "王立超  委员", "刘苍林政协绿春县委员":
 * the title after the names (and the body it belongs to) is not a name. A count after 等 may drop its 位
 * (周承明等十代表); without 等 it needs it, or 张三代表 would lose 三.
 */
const PROPOSER_SUFFIX = new RegExp(`\\s*(?:等[\\d一二三四五六七八九十]*[位名]?|[\\d一二三四五六七八九十]+[位名])?(?:(?:政协|人大)${H}{0,8}?)?(?:委员|代表)$`, 'u')
/** The opening's subject: the words right before 提出的 ("张蓉委员", "您", "贵组" after "您好!", "张三委员" after "你委转来的"). */
const PROPOSER = new RegExp(`(?:^|[，。！!,；;：:的])\\s*([^，。！!,；;：:的]*?)${PROPOSED}`, 'u')

/**
 * "长宁区政协第十五届三次会议", "区七届人大六次会议", "市政协十四届三次会议", and as other provinces write
 * it: "政协马关县第十届委员会第四次会议", "区第十届政协第三次会议", "秦皇岛市第十四届人民代表大会（line
 * break）第四次会议", "中国人民政治协商会议若某县委员会十一届一次会议". The place stops at 对/的/于/在/关于/答复/办理,
 * which precede it in headings (马关县 is a place; 关于答复县十七届人大三次会议…, 关于办理县十八届人大四次会议…). An
 * autonomous county's name is longer, with its peoples before 族自治县 (维西傈僳族自治县, 镇沅彝族哈尼族拉祜族自治县; a
 * year before it is none).
 */
const BODY = '(?:中国人民政治协商会议|政协|人大)'
const TERM = `(?:${BODY}\\s*)?(?:(?<![答办])(?:(?:(?!对|的|于|在|关于|答复|办理)${H}){0,6}[省市区县]|(?:(?!对|的|于|在|关于|答复|办理|年)${H}){1,12}?族自治[县州旗])(?:委员会)?)?\\s*${BODY}?\\s*第?\\s*${NUMERAL}\\s*届\\s*(?:人大|人民代表大会|政协)?\\s*(?:(?:${H}){0,6}[省市区县]\\s*)?(?:委员会)?`
const SESSION = new RegExp(`${TERM}\\s*第?\\s*${NUMERAL}\\s*次\\s*会议`, 'u')
/** A heading naming the term alone, "市政协第五届委员会第201号提案": the session as far as it is told, with its body. */
const TERM_ONLY = new RegExp(TERM, 'u')
const TERM_BODY = /政协|人大|人民代表大会/u

function sessionOf(head: string): string | undefined {
  const term = head.match(TERM_ONLY)?.[0]
  return (head.match(SESSION)?.[0] ?? (term && TERM_BODY.test(term) ? term : undefined))?.replace(/\s+/gu, '')
}

/**
 * "第084号提案", "第144033提案" (号 dropped), "(第94号建议)", "温36号建议" (a delegation's prefix for 第),
 * "提案第21号", "委员提案答复 第35号", "《…的建议》(第86号)", "第DH0271号建议" (a code before the digits, also
 * bracketed: 第(J027)号建议), "第237-7号建议" (a serial with its part; also 第6.11号), "…的提案(提案编号2022004)",
 * "第16号“关于…的建议”": a number counts only when it numbers a motion.
 */
const MOTION_DIGITS = '(\\d+(?:[-－.．]\\d+){0,2})'
const NUMBER = new RegExp(
  `(?:第\\s*[(（]?\\s*(?:[A-Za-z]{1,4})?${MOTION_DIGITS}\\s*[)）]?\\s*号?|(?<=${H})(\\d+)\\s*号)\\s*(?:提案|代表建议|建议|议案)|(?:提案|建议|议案)(?:答复|回复|复函)?\\s*[:：]?\\s*第\\s*${MOTION_DIGITS}\\s*号|` +
    `[(（]\\s*(?:提案|建议|议案)编号\\s*[:：]?\\s*(\\d+)\\s*[)）]|` +
    // right after the motion's title or its kind: 《…的建议》(第86号), 《…的提案》〔064〕号, 《…的建议》(第237-7号),
    // “…的建议”(16-3-45号), 代表建议(第18号)的答复, 《…的建议》(自编号027号)
    `(?:[》”"」]|提案|建议|议案)\\s*[(（〔［[]\\s*(?:第|自?编号\\s*[:：]?)?\\s*${MOTION_DIGITS}\\s*(?:号\\s*(?:提案|代表建议|建议|议案)?\\s*[)）〕］\\]]|[)）〕］\\]]\\s*号)|` +
    // or right before it: 第16号“关于…的建议”的答复
    `第\\s*${MOTION_DIGITS}\\s*号\\s*[“"《「][^”"》」]{2,80}?(?:提案|建议|议案)[”"》」]`,
  'u',
)
/**
 * A document number (文号): issuer's abbreviation, year in 〔〕 (or [], 【】, （）), serial: 沪府办〔2023〕8号,
 * 子交函〔2023〕34号, a serial with its part (兰政字〔2012〕30-17号), or the bare 〔2023〕8号. Letters print it on
 * a line of its own under the heading, sometimes beside the result class.
 */
const DOC_NUMBER = `(?:${H}|[A-Za-z]){0,12}[:：]?\\s*[〔[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*第?\\s*\\d+(?:\\s*[-－]\\s*\\d+)?\\s*号`
/**
 * The result class some provinces print instead of a wording: A类 / B类 / C类, or a bare letter,
 * bracketed or not ("(C)", "（A类）"). It stands on a line of its own in the head, or beside the 文号.
 */
const RESULT_CLASS = '[(（]?\\s*([ABC](?:类)?)\\s*[)）]?'
/** On a line of its own, an issuer's number may have lost its 号 (铁某政函[2020]  19): the line says what it is. */
const UNMARKED_DOC_NUMBER = `${H}{2,12}[〔[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*第?\\s*\\d{1,4}`
const NUMBER_LINE = new RegExp(`^(?:${RESULT_CLASS}\\s+)?(${DOC_NUMBER}|${UNMARKED_DOC_NUMBER})(?:\\s*${RESULT_CLASS})?(?:\\s+${spaced('签发人')}\\s*[:：].*)?$`, 'mu')
/**
 * …or in brackets at the end of the heading: "关于…温36号建议的答复[浙交建〔2018〕101号]", also labelled
 * "…的提案答复的函(编号:B〔2017〕062号)".
 */
const HEADING_DOC_NUMBER = new RegExp(`(?:[\\[［【]\\s*(${DOC_NUMBER})\\s*[\\]］】]|[(（]\\s*(?:编号|文号)\\s*[:：]\\s*(${DOC_NUMBER})\\s*[)）])\\s*$`, 'mu')
/** 办理结果 and 签发人 often share one line ("解决或采纳 签发人:詹镭"), so their values stop at a space. */
const RESULT_LABELS = ['办理结果', '办理类别', '答复类别', '办复类别', '办理类型', '答复类型', '分类标识']
const RESULT = labelled(RESULT_LABELS, '([^\\s|]+)')
/** "签发人:张三" (主要签发领导:李  兵, padded), or in the closing courtesies "此复函已经张玉林主任审签" (我局余兵局长, 敖镇长: as written). */
const SIGNER = new RegExp(`${labelled(['签发人', '签发领导'], `(${H}[ \\t\u3000]{1,3}${H}(?=\\s|$)|[^\\s|]+)`).source}|此(?:复函|答复|件|函)已经(?:[我本](?:局|委|办|厅|院|中心|部门)?)?(${H}{2,4}?)(?:同志)?(?:局长|主任|书记|区长|县长|市长|镇长|乡长|厅长|副${H}{1,2}长|主席|${H}{0,3}领导)?(?:审签|签发|审定)`, 'mu')
/** A bare 类别 label says something else on many pages (主题分类…); a result only when its value is a class. */
const CLASS_FIELD = labelled(['类别'], `${RESULT_CLASS}\\s*$`)
/**
 * the class alone on one of the first lines, or in the heading: closing it ("…提案的答复（A类）"), after the
 * handling it grades ("…建议 办理情况(B)的函"), or before the motion's number ("B类20号建议").
 */
const CLASS_LINE = new RegExp(
  `^${RESULT_CLASS}$|(?:答复|意见|函)\\s*[(（]([ABC]类?)[)）]$|(?:办理情况|办理结果)\\s*[(（]([ABC]类?)[)）]|(?<![A-Za-z])([ABC]类)\\s*第?\\s*\\d+\\s*号\\s*(?:代表)?(?:提案|建议|议案)`,
  'mu',
)
const CLASS_LINES = 5
/** Portal fields, by what they say, most specific first. */
const FIELDS = {
  docNumber: ['文号', '发文字号', '文件编号'],
  publisher: ['发布机构', '公开主体', '发文机关', '发文单位'],
  unit: ['承办单位', '主办单位', '公开主体', '发布机构', '发文机关', '来源', '信息来源', '部门名称'],
  written: ['成文日期', '发文日期', '印发日期', '答复日期', '答复时间'],
  published: ['发布日期', '发布时间'],
  motionTitle: ['建议标题', '提案标题', '建议提案标题', '事由'],
  motionNumber: ['提案编号', '建议编号', '议案编号', '建议提案编号'],
  result: RESULT_LABELS,
  // a service guide's (办事指南) name is its 事项名称, a mailbox letter's its 信件标题
  title: ['标题', '事项名称', '名称', '信件标题', '信件名称', '留言标题'],
}
/** A page listing a motion's fields names its proposers in a line of the text (建议人: 杨国华), kept as the reply's words. */
const PROPOSERS_LINE = labelled(['建议人', '提案人', '提出人', '领衔人'], '([^|\\n]+)')

/**
 * Where the motion's title is printed, most explicit first: a table field naming it as the motion's title,
 * the opening sentence's 《…》, its quotes, its bare "关于…" phrase, and last a page's generic 标题 field.
 */
const TITLE_PATTERNS = [
  labelled(['建议标题', '提案标题'], '([^|\\n]+?)\\s*(?:\\||$)'),
  new RegExp(`${PROPOSED}[^《》，,。]{0,12}?《(.+?)》`, 'u'),
  // or received: 收到《关于…的建议》后 (not any text received, 收到《联系函》后, in a guide's steps)
  /收到《(.+?(?:建议|提案|议案))》/u,
  // The lookahead makes the quotes the ones closing before 收悉, so nested quotes stay inside the title.
  new RegExp(`${PROPOSED}(?:关于)?["“](.+?)["”](?=[^"“”]{0,12}收悉|[^"“”。]{0,20}如下)`, 'u'),
  new RegExp(`${PROPOSED}(关于.+?)(?:的?(?:提案|代表建议)(?:[（(][^）)]{1,30}[)）])?)?已?收悉`, 'u'),
  // or, without the verb, the quoted title alone before 收悉: “关于对维修…一号路的建议”已收悉, 您《关于…的建议》收悉.
  /["“](关于.+?)["”]\s*已?收悉/u,
  /(?:您|你们?)《(.+?)》\s*已?收悉/u,
  // Its number may follow in brackets: 你提出的关于…的提案(第016号),已交我们研究办理,现答复如下; or the handling:
  // 现将您提出的关于…的提案办理情况答复如下.
  new RegExp(`${PROPOSED}(关于[^，,。]+?)的?(?:提案|代表建议|建议)(?:(?:[（(][^）)]{1,30}[)）])?[，,][^。]{0,20}|办理情况[^，,。]{0,6})如下`, 'u'),
  labelled(['标题'], '([^|\\n]+?)\\s*(?:\\||$)'),
]

/**
 * A date in digits as signatures write it, 2015年12月30日; pages garble it, losing its 日 (2020年4月27) or
 * even its 年 (20203月26: a year is four digits, so what follows them is the month).
 */
const DIGIT_DATE = '\\d{4}\\s*年?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}'
/**
 * A signature is a line holding only a unit name above the signing date; only its year is required, as dates get garbled ("20203月26").
 * Units signing jointly, on one line or two per line above the date, are read through to it: the first leads
 * (a date run onto the last: 凤县黄牛铺镇人民政府 凤县交通运输局2023年9月15日).
 */
const SIGNATURE_UNIT = new RegExp(`^(${UNIT_NAME})(?:\\s+(?:\\d{4}|${CN_DIGITS}{4}\\s*年)(?![^\\n]*印发)|(?:\\s+${UNIT_NAME})+\\s*${DIGIT_DATE}\\s*日?\\s*$)`, 'mu')
/**
 * A line listing units only, as a notice ends with those it is copied to when its 抄送 label is lost
 * (县人大常委会办公室,县政协办公室,县人民法院,).
 */
export const UNIT_LIST_LINE = new RegExp(`^\\s*${UNIT_NAME}(?:\\s*[,，、]\\s*${UNIT_NAME})*\\s*[,，、。]\\s*$`, 'u')
/** A line of co-signing units only (成都市成华区教育局　　成都市成华区委编办). */
export const UNITS_LINE = new RegExp(`^\\s*(${UNIT_NAME})(?:\\s+${UNIT_NAME})*\\s*$`, 'u')
/** A signing date alone on its line: 2015年12月30日, 二〇一三年五月二日, 20203月26. */
export const DATE_LINE = new RegExp(`^\\s*(?:${DIGIT_DATE}\\s*日?|${CN_DIGITS}{4}\\s*年\\s*${CN_NUMBER}\\s*月\\s*${CN_NUMBER}\\s*日)\\s*$`, 'u')

/** The signing unit; of a text signed jointly (one unit or two per line above the date), the first, which leads. */
function signatureUnit(text: string): string | undefined {
  const found = SIGNATURE_UNIT.exec(text)
  if (!found) return undefined
  const above = text.slice(0, found.index).split('\n').slice(0, -1)
  let lead = found[1].trim()
  for (let i = above.length - 1; i >= 0; i--) {
    const line = UNITS_LINE.exec(above[i])
    if (!line) break
    lead = line[1].trim()
  }
  return lead
}
/** Headings such as "上海市长宁区人民政府程家桥街道办事处对…的答复" or "…交通运输局关于…的答复" name the answering unit first. */
const HEADING_UNIT = new RegExp(`^(${UNIT_NAME})(?:关于对|对|关于)`, 'mu')
/** 市政府批转市公安局关于…, 市政府办公室转发市人社局等部门关于…: the text is the first body's, which forwards the other's. */
const FORWARDING = new RegExp(`^(${UNIT_NAME})(?:批转|转发)`, 'u')

function issuerOf(heading: string | undefined): string | undefined {
  return heading && (FORWARDING.exec(heading)?.[1] ?? heading)
}
/**
 * A letterhead: the unit alone on one of the first lines, perhaps as "…局文件" or "…局（函）". Only a
 * government office's name: a title line such as 巴沟站 or 圣母书院 (an article on a station, a school)
 * names what the text is about. A 站, 所 or 院 that replied signs its reply, which the signature reads.
 */
const LETTERHEAD_NAME = `${H}{1,40}(?:${OFFICE_ENDING})`
const LETTERHEAD_UNIT = new RegExp(`^\\s*(?:[•·●▪◦*-]\\s*)?(${LETTERHEAD_NAME})\\s*(?:文件|[(（]?函[)）]?|便函)?$`, 'u')
const LETTERHEAD_LINES = 5
/**
 * Pages without a signature may name the unit in a field ("来源:市工信局", "联系单位及电话:…管理局 68118611"),
 * maybe with the second name it also bears (市发改委(市粮储局)).
 */
const WHOLE_UNIT = new RegExp(`^(${UNIT_NAME}(?:[(（]${UNIT_NAME}[)）])?)$`, 'u')
/** A page copied from a body's own site says so: "来源：北京市住房和城乡建设委员会网站" is that body's. */
const SITE = /\s*(?:门户网站|官方网站|网站|官网)$/u
/** Not 各县区老龄办 ("each county's office"): no one body. */
const UNIT_LABEL = labelled(['承办单位', '主办单位', '办理单位', '答复单位', '回复单位', '答复部门', '回复部门', '来源', '公开主体', '发布机构', '联系单位及电话', '联系单位'], `((?!各)${UNIT_NAME})`)

const CONTACT_LABELS: Record<keyof Contact, string[]> = {
  // A form the reply is printed on has the handler sign beside the leader (承办人签字).
  name: ['联系人姓名', '联系人', '经办人签字', '经办人', '承办人签字', '承办人', '办理人'],
  phone: ['联系电话', '联系单位及电话', '联系方式', '电话'],
  address: ['联系地址', '地址'],
  postcode: ['邮政编码', '邮编'],
}
/** Any contact label, spaced out or not. */
const CONTACT_LABEL = Object.values(CONTACT_LABELS).flat().map(spaced).join('|')
/** A contact line run onto another, maybe after whose contact it is (承办单位联系人…). */
const CONTACT_RUN_ON = `${H}{0,6}(?:${CONTACT_LABEL})[^\\n]*`
/**
 * The signing date stands on its own line (possibly after the unit), last in the reply; in digits or
 * Chinese numerals, or as some offices type it, 2023.6.12 or 2022/08/15 (or with its 日 left off: 2020年4月27).
 * A page may run the contact line onto it (2024年5月6日 承办单位联系人及电话:…).
 */
const SIGNATURE_DATE = new RegExp(`^(?:(?:${UNIT_NAME}\\s+)*${UNIT_NAME}\\s*)?(?:(${DIGIT_DATE})\\s*日?|${CN_DATE_VALUE}|(\\d{4}([./-])\\d{1,2}\\4\\d{1,2}))(?:\\s+${CONTACT_RUN_ON})?\\s*$`, 'gmu')
/**
 * Some sites drop 年月日 from a signing date and leave only its digits ("20241018", "2023526"): read only
 * when alone on its line and when one way of splitting month from day is a real date ("2023111" is not).
 */
const BARE_DATE = /^\s*((?:19|20)\d{2})(\d{3,4})\s*$/gmu
/** Without a signature, the page's own dates are the next best: when it was written (or answered), else published. */
const PAGE_DATE = labelled(['成文日期', '答复日期', '答复时间', '发布日期', '发布时间'], DATE_VALUE)
/** A page's field list printed as bullets without labels (• 惠济区住房和城乡建设局 / • 2024-06-14): its date is the page's. */
const BULLETED_DATE = new RegExp(`^\\s*[•·●▪◦]\\s*${DATE_VALUE}\\s*$`, 'mu')

/** Contact fields often share a line with no separator left, so a value also ends where the next label starts. */
const VALUE_END = `(?=[\\s|;；,，。)）]|$|${CONTACT_LABEL})`
/**
 * Whom the reply is copied to, as printed: 抄送:市政协提案委,市政府办公室。 (抄报 to those above). A hard-wrapped
 * page may run the contact fields (联系单位: too) or the printing line (…办公室2017年8月16日印发) onto it: they end the list.
 */
const COPIES_END = `(?=\\s*(?:${CONTACT_LABEL}|${spaced('联系单位')})|[^\\s，,、()（）]*\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*印发|\\s*$)`
const COPIED_TO = new RegExp(labelled(['抄报', '抄送'], `([^\\n]+?)${COPIES_END}`).source, 'gmu')
/** Area code and number are joined by whatever dash the page had: -, －, —, –, ─ ("0915─4426580"). */
const PHONE = '\\d[\\d\\-－—–―─‐]{4,}\\d'
/** A two-character name is often padded to the width of three ("张  征"), then followed by a job title. */
const PADDED_NAME = `${H}[ \\t\u3000]{1,3}${H}(?=[ \\t\u3000,，;；)）]|$)`
const CONTACT_PATTERNS: Record<keyof Contact, RegExp> = {
  // The name may follow the office it works in: "联系人:浙江省公路管理局计财处,戴京国", "联系单位及联系人:凤县黄牛铺镇政府 卓义杰".
  name: labelled(CONTACT_LABELS.name, `(?:${UNIT_NAME}(?:\\s*[,，、]\\s*|\\s+(?=${H}{2,4}(?:\\s|$))))?(${PADDED_NAME}|[^\\s|;；,，。:：)）]+?${VALUE_END})`),
  // "联系单位及电话" prints the unit before the number, a guide's 承办部门和联系电话 its short name ("区残联 15725750400");
  // extensions ("52564588-7817") are part of the number.
  phone: labelled(CONTACT_LABELS.phone, `(?:${UNIT_NAME}\\s*|${H}{2,8}[ \\t\u3000]+)?(${PHONE})`),
  address: labelled(CONTACT_LABELS.address, `([^\\s|;；,，。:：)）]+?)${VALUE_END}`),
  postcode: labelled(CONTACT_LABELS.postcode, '(\\d{6})(?!\\d)'),
}

/**
 * A form's contact row printed without colons, its label lost: a name alone before its phone
 * ("张忠武     联系电话  0722-6232342", under the leader's row). A unit's row (办公室 联系电话 …) names no person.
 */
const CONTACT_ROW = new RegExp(`^[ \\t\u3000]*(${H}{2,5})[ \\t\u3000]+${spaced('联系电话')}[ \\t\u3000:：]*(${PHONE})[ \\t\u3000]*$`, 'mu')
const NOT_A_PERSON = new RegExp(`(?:${OFFICE_ENDING}|室|科|处|股|站|所|部|组)$`, 'u')
/**
 * A phone after its label and spaces only, as such forms print it, or run onto it (联系电话0818-2370000), or on
 * the line under a guide's heading (七、咨询电话 / 0371-62122555).
 */
const SPACED_PHONE = new RegExp(`(?:${CONTACT_LABELS.phone.map(spaced).join('|')})[ \\t\u3000]*(?:\\n[ \\t\u3000]*)?(${PHONE})`, 'u')

/**
 * One label for both: "经办人及联系电话:姜璐颖:0917—4936343", "联系人(姓名)及电话:杨朝祥0876-3066582" or "…:蒋文斌,6121966", "联系人电话:李应帅
 * 0875-2225039", and with the office before the name: "联系人及电话:云南省农业厅畜牧处 王瑞欣 65749510".
 */
const NAME_AND_PHONE = new RegExp(
  `(?:${['联系人', '经办人', '承办人', '办理人'].map(spaced).join('|')})(?:姓名)?及?(?:联系)?(?:电话|方式)\\s*[:：]\\s*(?:${UNIT_NAME}\\s*[,，、]?\\s*)?(${H}{2,4})[:：,，\\s]*(${PHONE})`,
  'u',
)

/**
 * Kind rule: the document's own form wins — a 会办意见 or 协办函 (named in its heading, or "现将会办意见函告如下")
 * answers the lead unit, not the proposer. Otherwise the kind is that of the motion answered, read from the
 * session (人大 → 代表建议, 政协 → 提案), else the salutation (…代表 / …委员), else the opening sentence.
 */
const FORWARDED_KINDS: Kinds = [
  ['会办意见', /会办意见(?:函告|$)/mu],
  ['协办函', /协办(?:函|意见)(?:函告|$)/mu],
]
const MOTION_KINDS: Kinds = [
  ['代表建议', /人大|人民代表大会|代表$|代表建议/u],
  ['提案', /政协|委员$|提案/u],
]

/** A text with no acknowledgement is searched for a motion's title and number in its first lines only, never in its body. */
const HEAD_LINES = 30
/**
 * What a document calls itself, by the words that name a kind of official document (办法, 通知, 意见,
 * 若干措施 …, or a set of questions: 15问), with a qualifier after it ((试行), （新）) and in book-title
 * marks or not. It may run over up to three lines ("…人民政府关于" / "印发…管理" / "暂行办法的通知");
 * a 文号 in brackets after it is not part of it.
 */
export const DOCUMENT_KIND = /(?:办法|规定|条例|细则|通知|通告|公告|意见|指南|指引|须知|方案|决定|规划|措施|政策|规则|函|答复|问答|解读|答记者问|\d+问|\d+条)(?:[(（][^()（）]{1,10}[)）])?》?$/u
/** A part's or an item's heading (一、 （二） 3. 第五条) is never the document's name. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十百\d]+[条章])/u
const NAME_LINE = /^[^。！？；:：!?;|]{2,60}$/u
export const NAME_MAX_LINES = 3
/** Without a name line, a transmittal notice names what it sends out: 《…实施意见(试行)》已经…同意，现印发给你们. */
const TRANSMITTED = /《([^《》\n]{4,80})》[^。\n]{0,40}印发/u
const TRAILING_DOC_NUMBER = new RegExp(`\\s*[(（\\[［【]\\s*${DOC_NUMBER}\\s*[)）\\]］】]\\s*$`, 'u')

/**
 * A heading some pages run together with its 文号 and addressee: "…暂行办法》的通知 宁政发〔2004〕140号各区县
 * 人民政府，…：". The name ends at the kind of document, the 文号 follows it at once.
 */
const NAME_THEN_NUMBER = new RegExp(`^([^。！？；:：!?;|]{4,80}?(?:办法|规定|条例|细则|通知|通告|公告|意见|方案|决定|措施)(?:[(（][^()（）]{1,10}[)）])?》?)\\s*(${DOC_NUMBER})`, 'u')
const RUN_ON_LINES = 3

/** The name a policy text or other document without an acknowledgement prints above its body. */
function documentName(lines: string[]): string | undefined {
  // A 文号 on a line of its own (南教〔2016〕13号 above 关于印发…的通知) is the number, not the start of the name.
  const head = lines.slice(0, HEAD_LINES).map((line) => line.trim().replace(TRAILING_DOC_NUMBER, '')).map((line) => (NUMBER_LINE.test(line) ? '' : line))
  for (let i = 0; i < head.length; i++) {
    let name = ''
    // Nor is a line without a word (an index code, MB1970631/2022-00007) part of a name.
    for (let j = i; j < Math.min(i + NAME_MAX_LINES, head.length) && NAME_LINE.test(head[j]) && HAN.test(head[j]) && !ITEM_START.test(head[j]) && !/https?:|\d{4}\s*年\s*\d/u.test(head[j]); j++) {
      name += head[j]
      if (DOCUMENT_KIND.test(name) && name.length >= 6) return outsideOwnBrackets(name.replace(/\s+/gu, ''))
    }
  }
  return TRANSMITTED.exec(head.join('\n'))?.[1] ?? runOnHeading(lines)?.[1].replace(/\s+/gu, '')
}

/**
 * A page without a document's name heads itself with a short line of its own: a question (临时救助怎么申请?,
 * 生育保险待遇如何领取?) or a topic (高龄老人长寿补贴的给付), above the text.
 */
const HEADLINE = /^[^。！；:：!;|，,]{2,40}[？?]?$/u

function headline(lines: string[]): string | undefined {
  const [first, next] = lines.map((line) => line.trim()).filter(Boolean)
  // Not a section's label over its list (办理依据 / 1.《…》), nor a date or a web address, nor a news report's byline (记者 文 臣).
  return first && HEADLINE.test(first) && next && !ITEM_START.test(next) && !/https?:|\d{4}\s*[年./-]\s*\d/u.test(first) && !BYLINE.test(first) ? first : undefined
}
const BYLINE = /^(?:本报|本台|本网)?(?:记者|通讯员|实习生|作者|责任编辑|编辑|撰稿)|^[文图][\/／]/u

/**
 * A page listing a motion's fields without their labels prints its number alone on the line under its session
 * (县人大十八届二次会议 / 16 / 建议人: …).
 */
function numberUnderSession(lines: string[]): string | undefined {
  const at = lines.findIndex((line, i) => i > 0 && /^\s*\d{1,10}\s*$/u.test(line) && SESSION.test(lines[i - 1]))
  return at > 0 ? lines[at].trim() : undefined
}

/** The first lines' heading run together with its 文号: [, name, 文号]. */
function runOnHeading(lines: string[]): RegExpExecArray | undefined {
  return lines.slice(0, RUN_ON_LINES).map((line) => NAME_THEN_NUMBER.exec(line.trim())).find((match): match is RegExpExecArray => !!match)
}

export function parseReply(text: string, portal: PortalFields = {}): { metadata: ReplyMetadata; structured: boolean } {
  const lines = text.split('\n')
  const at = openingAt(lines)
  const opening = lines[at] ?? ''
  const head = (at >= 0 ? lines.slice(0, at + 1) : lines.slice(0, HEAD_LINES)).join('\n')
  const addressee = at >= 0 ? salutationBefore(opening) ?? salutationAbove(lines, at) : undefined
  const session = sessionOf(head)
  const forwardedKind = kindOf(FORWARDED_KINDS, [head])
  const number = firstGroup(NUMBER.exec(head)) ?? numberUnderSession(lines.slice(0, HEAD_LINES))
  const numberLine = NUMBER_LINE.exec(head)
  const field = (labels: string[]) => labels.map((label) => portal[label]?.trim()).find(Boolean)
  // The unit as the heading (…局关于…的答复) or a letterhead names it, first the heading's.
  const namedAtTop = [issuerOf(capture(head, HEADING_UNIT)), ...lines.slice(0, LETTERHEAD_LINES).map((line) => capture(line, LETTERHEAD_UNIT))]
  const metadata: ReplyMetadata = {
    session,
    kind: forwardedKind ?? kindOf(MOTION_KINDS, [session, addressee, opening]),
    number: (number ?? field(FIELDS.motionNumber)?.match(/^第?(\d+)号?$/u)?.[1])?.replace(/－/gu, '-'),
    // A field's value is a 文号 only with its serial's digits: an empty field's neighbour (区政府办, 关键字:…) is not.
    docNumber: (field(FIELDS.docNumber)?.match(/^.*\d.*$/u)?.[0] ?? numberLine?.[2] ?? firstGroup(HEADING_DOC_NUMBER.exec(head)) ?? runOnHeading(lines)?.[2])?.replace(/\s+/gu, ''),
    publisher: field(FIELDS.publisher),
    result: unbracketed(capture(text, RESULT) ?? field(FIELDS.result)) ?? resultClass(lines, numberLine) ?? capture(head, CLASS_FIELD),
    signer: unpadded(firstGroup(SIGNER.exec(text))),
    copiedTo: copiedTo(text),
    proposers: proposersOf(opening, forwardedKind ? undefined : addressee) ?? namesListed(field(['提案者']) ?? capture(head, PROPOSERS_LINE)),
    addressee,
    title: untilStrayQuote(field(FIELDS.motionTitle) ?? firstCapture(head, TITLE_PATTERNS) ?? field(FIELDS.title)),
    unit:
      inFull(
        signatureUnit(text) ??
          // A text may end with its unit and no date (a site dropped the date, or it never had one).
          capture(lines.at(-1) ?? '', UNITS_LINE),
        namedAtTop,
      ) ??
      namedAtTop.find(Boolean) ??
      capture(text, UNIT_LABEL) ??
      FIELDS.unit.map((label) => capture((portal[label] ?? '').replace(SITE, ''), WHOLE_UNIT)).find(Boolean),
    date: signatureDate(text) ?? isoDate(field(FIELDS.written)) ?? isoDate(field(FIELDS.published)) ?? isoDate(capture(text, PAGE_DATE)) ?? isoDate(capture(head, BULLETED_DATE)),
    contact: contactOf(text),
  }
  // A reply shows itself by its opening (the salutation sits above it), its motion number or its 办理结果.
  const structured = Boolean(opening || metadata.number || metadata.result)
  // Anything else (a policy text) is cited by its own name.
  if (!structured) metadata.title ??= documentName(lines) ?? headline(lines)
  return { metadata: withoutAbsent(metadata), structured }
}

function copiedTo(text: string): string | undefined {
  const lists = [...text.matchAll(COPIED_TO)].map((match) => match[1].trim().replace(/[。;；,，]+$/u, ''))
  return lists.filter(Boolean).join('；') || undefined
}

/** A name printed in its own 《》 is the name inside them. */
function outsideOwnBrackets(name: string): string {
  return name.replace(/^《([^《》]+)》$/u, '$1')
}

/**
 * The signing unit as its heading or letterhead names it in full, when that name ends with the signed one: a
 * signature drops the place (区教育局 under 某区教育局关于…) or a page cuts it (管理行政执法局 under 某县城市管理行政执法局).
 */
function inFull(signed: string | undefined, named: (string | undefined)[]): string | undefined {
  return signed && (named.find((name) => name && name.length > signed.length && name.endsWith(signed)) ?? signed)
}

/**
 * A title up to a closing quote that opens nowhere before it: the page lost the opening one (关于…的建议”的建议).
 * A field may print it in its own 《》 (提案标题:《关于…的建议》): the title is inside them.
 */
function untilStrayQuote(title: string | undefined): string | undefined {
  const inner = title && outsideOwnBrackets(title)
  const stray = inner?.search(/[”」』]/u) ?? -1
  return inner && stray > 0 && !/[“「『]/u.test(inner.slice(0, stray)) ? inner.slice(0, stray) : inner
}

/** "(C)" → "C": a class is given without the brackets around it; a wording as printed. */
function unbracketed(result: string | undefined): string | undefined {
  return result?.replace(new RegExp(`^${RESULT_CLASS}$`, 'u'), '$1')
}

/** "A类" beside the 文号, alone on one of the first lines, or closing the heading; as printed, without brackets. */
function resultClass(lines: string[], numberLine: RegExpExecArray | null): string | undefined {
  const beside = numberLine?.[1] ?? numberLine?.[3]
  if (beside) return beside
  return firstGroup(CLASS_LINE.exec(lines.slice(0, CLASS_LINES).join('\n')))
}

/** The first group that matched, for patterns with one group per alternative. */
function firstGroup(match: RegExpExecArray | null): string | undefined {
  return match?.slice(1).find(Boolean)
}

function capture(source: string, pattern: RegExp): string | undefined {
  return pattern.exec(source)?.[1]?.trim() || undefined
}

function firstCapture(source: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const value = capture(source, pattern)
    if (value) return value
  }
  return undefined
}

/**
 * The nearest line above the opening, past a greeting, when it is a name line and not the heading; or a
 * deputy's or member's name before its colon, whatever a page ran onto the line after it (孙立国代表:第一次会议
 * 第1192号建议办理情况的答复, the heading's second line).
 */
function salutationAbove(lines: string[], at: number): string | undefined {
  let i = at - 1
  while (i >= 0 && GREETING.test(lines[i])) i--
  const name = (SALUTATION.exec(lines[i] ?? '')?.[1] ?? MEMBER_SALUTATION.exec(lines[i] ?? '')?.[1])?.replace(GREETING_AFTER, '')
  return name && !HEADING_LINE.test(name) && !FIELD_LABEL.test(name) ? name : undefined
}
/** A mailbox page's field label above the answer (回复内容:, 答复时间:) names no one. */
const FIELD_LABEL = /(?:内容|时间|日期|标题|编码|编号|状态|结果)$/u
/** A greeting run onto the salutation (尊敬的于广海委员您好:) is no part of the name. */
const GREETING_AFTER = /[,，]?(?:您|你)好[!！]?$/u
const MEMBER_SALUTATION = new RegExp(`^\\s*${COURTESY_TITLE}?([${H}、，,· ]{2,60}?(?:委员|代表))\\s*[:：]`, 'u')

/**
 * A salutation printed on the opening's own line (罗元代表:你提出的“…”已交由我局研究办理), as pages that lost
 * the line break between them show it: the words before the first colon, when they are a name and the
 * opening goes on after it.
 */
function salutationBefore(opening: string): string | undefined {
  const [, before, after] = /^([^:：]+)[:：](.+)$/u.exec(opening) ?? []
  const name = before && !OPENING.test(before) && !GREETING.test(before.trim()) ? SALUTATION.exec(before)?.[1] : undefined
  return name && after.trim() && !HEADING_LINE.test(name) ? name : undefined
}

function kindOf(kinds: Kinds, sources: Array<string | undefined>): string | undefined {
  for (const source of sources) {
    const found = source && kinds.find(([, pattern]) => pattern.test(source))
    if (found) return found[0]
  }
  return undefined
}

/**
 * Before the names, a co-handling unit's own words (我单位对…, 现就…) and the deputies' congress (市人大方祖蓉代表): 我单位对市人大
 * 方祖蓉代表提出的… names 方祖蓉, 现就尚冰委员提出的… 尚冰.
 */
const WRITER_AND_BODY = /^(?:(?:现|兹)(?:就|将))?(?:(?:我|本)(?:单位|局|委|办|厅|部门|中心)?对)?(?:[省市区县]?(?:人大|政协)(?=\p{Script=Han}{2,4}(?:委员|代表)))?/u

/**
 * The proposers are named before 提出的 in the opening ("张蓉委员提出的…"); when it says 您/你们/贵委 instead,
 * they are the addressee — which the caller withholds for a 会办意见/协办函, addressed to a unit.
 */
function proposersOf(opening: string, addressee: string | undefined): string[] | undefined {
  const subject = capture(opening, PROPOSER)
  // 在…会议上提出的, or the session alone (柳州市第十五届人大第五次会议提出的), says when, not who: the proposers are then the addressee.
  const named = (subject && !PRONOUN.test(subject) && !/^在|会议上?$/u.test(subject) ? subject : addressee)?.replace(WRITER_AND_BODY, '')
  const names = namesListed(named)
  return names.length ? names : undefined
}

/** The names of a list of proposers: the title may follow each name (尚小豆委员、田海军委员) or the list (庞益平等). */
function namesListed(names: string | undefined): string[] {
  return (names ?? '')
    .split(/[、，,]/u)
    .map((name) => unpadded(name.replace(PROPOSER_SUFFIX, '').replace(/等$/u, ''))!)
    .filter(Boolean)
}

function signatureDate(text: string): string | undefined {
  const last = [...text.matchAll(SIGNATURE_DATE)].at(-1)
  if (last) return isoDate(last[1] ?? last[2] ?? last[3])
  const bare = [...text.matchAll(BARE_DATE)].at(-1)
  return bare && bareDate(bare[1], bare[2])
}

/**
 * "2023" + "526" → 2023-05-26 when exactly one split into month and day is a date; a day is zero-padded
 * only after a padded month ("20240105"), so "2023105" is October 5th, not January.
 */
function bareDate(year: string, rest: string): string | undefined {
  const dates = [1, 2]
    .filter((monthDigits) => rest.length - monthDigits <= 2 && !(monthDigits === 1 && rest[1] === '0'))
    .map((monthDigits) => isoDate(`${year}-${rest.slice(0, monthDigits)}-${rest.slice(monthDigits)}`))
    .filter(Boolean)
  return dates.length === 1 ? dates[0] : undefined
}

/** A date as a text writes it: 2023年6月30日, 2023-06-30, 二〇二三年六月三十日. */
const DATE_SPAN = new RegExp(`\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)|${CN_DIGITS}{4}\\s*年\\s*${CN_NUMBER}\\s*月\\s*${CN_NUMBER}\\s*日`, 'gu')

/** The dates a text writes, as printed and as YYYY-MM-DD: to find where a text states the date its metadata holds. */
export function datesIn(text: string): { printed: string; date: string }[] {
  return [...text.matchAll(DATE_SPAN)].flatMap(([printed]) => {
    const date = isoDate(printed)
    return date ? [{ printed, date }] : []
  })
}

/**
 * "2019年 10月14日", "2025年03月27日", "2023-10-18", "二〇一七年五月二十六日", "二0一七年五月二十六日"
 * → YYYY-MM-DD; an impossible month or day is left absent.
 */
function isoDate(value: string | undefined): string | undefined {
  // The year's four digits first: 20203月26 is 2020, 3, 26.
  const [year, month, day] = (value && /\d{4}/u.test(value) ? value.match(/^\d{4}|\d+/gu)?.map(Number) : chineseDateParts(value)) ?? []
  if (!day || month < 1 || month > 12 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Hand-written because no kept library reads Chinese numerals in dates (date-fns and dateformat format
 * Latin digits only): the year digit by digit (二〇一七 → 2017), month and day as numbers up to 三十一.
 */
const CN_DIGIT: Record<string, number> = Object.fromEntries([
  ...[...ZERO].map((zero): [string, number] => [zero, 0]),
  ...[...'一二三四五六七八九'].map((digit, i): [string, number] => [digit, i + 1]),
])

function chineseDateParts(value: string | undefined): number[] | undefined {
  const parts = value?.split(/\s*[年月日]\s*/u).filter(Boolean)
  if (!parts || parts.length < 3) return undefined
  const year = Number([...parts[0]].map((char) => CN_DIGIT[char]).join(''))
  return [year, chineseNumeral(parts[1]), chineseNumeral(parts[2])]
}

function contactOf(text: string): Contact | undefined {
  const named = CONTACT_PATTERNS.name.exec(text)
  const both = NAME_AND_PHONE.exec(text)
  const row = CONTACT_ROW.exec(text)
  const rowName = row && !NOT_A_PERSON.test(row[1]) ? row[1] : undefined
  const contact = withoutAbsent<Contact>({
    name: withoutOffice(unpadded(named?.[1])) ?? rowName,
    // The person's own number is the first after the name: a leader's may come before it (主管领导…联系电话…承办人…联系电话…).
    phone: (named && capture(text.slice(named.index), CONTACT_PATTERNS.phone)) || capture(text, CONTACT_PATTERNS.phone) || (rowName ? row![2] : capture(text, SPACED_PHONE)),
    address: capture(text, CONTACT_PATTERNS.address),
    postcode: capture(text, CONTACT_PATTERNS.postcode),
    ...(both ? { name: both[1], phone: both[2] } : {}),
  })
  return Object.keys(contact).length > 0 ? contact : undefined
}

/** A person named right after the office it works in, with nothing between (通某区交运局冉某某). */
const OFFICE_THEN_PERSON = new RegExp(`^${UNIT_NAME}(${H}{2,4})$`, 'u')

/** The person of "office + name"; a name that is an office's all along (区交通局办公室) stays as written. */
function withoutOffice(name: string | undefined): string | undefined {
  const person = name && OFFICE_THEN_PERSON.exec(name)?.[1]
  return person && !NOT_A_PERSON.test(person) ? person : name
}

/**
 * A name as it is asked for: forms pad a two-character name to the width of three (陈  先, 李  兵), which
 * nobody types; the padding is no part of the name.
 */
function unpadded(name: string | undefined): string | undefined {
  return name?.trim().replace(/(?<=\p{Script=Han})[ \t\u3000]+(?=\p{Script=Han})/gu, '') || undefined
}

/** Absent means no key at all, so callers and deepStrictEqual see only what the text said. */
function withoutAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
