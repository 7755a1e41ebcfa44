/**
 * Whether passages really answer the question (the engine asks it of the passages it would show, and of
 * each of them alone). Residents rarely use the reply's words, so the decision rests first on meaning:
 * the best cosine similarity of the question with one of the passages (the same bge model; the best
 * single sentence was measured too and separated no better, see README). Word coverage (how many of the
 * question's content words the passages contain) can add to weak semantic evidence, but never vetoes
 * strong semantic evidence. The three constants are fitted by `npm run eval -- --calibrate` on the tune
 * split and stored in refusal.json. Beside them, rules on what is asked: a question for a time, an
 * amount, a count, a length of time or a day is answered only from passages that hold one (KINDS), and a
 * regulation's framing clauses come last unless what they say is asked (FRAMING_CLAUSES).
 */
import { readFileSync } from 'node:fs'
import { isQuotable, tokenize, type Hit } from '../../index/index.js'

export interface Calibration {
  /** semantic similarity at or above which the passages answer, whatever the words */
  semanticAlone: number
  /** below it, semantic + coverageWeight × coverage must reach threshold */
  coverageWeight: number
  threshold: number
  /** false only to switch the answer-kind check off with the rest (the evaluation's "refusal off") */
  answerKinds?: boolean
}

export const CALIBRATION_FILE = new URL('./refusal.json', import.meta.url)

export function loadCalibration(): Calibration {
  const { semanticAlone, coverageWeight, threshold } = JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')) as Calibration
  return { semanticAlone, coverageWeight, threshold }
}

/** Words that shape a question but say nothing about its topic. */
const QUESTION_WORDS = new Set(
  '什么 怎么 怎么样 怎样 如何 多少 几 哪些 哪里 哪个 哪儿 吗 呢 吧 啊 呀 有没有 有 没有 是否 是 能 能否 能不能 可以 会 请问 请 问 一下 我 我们 你 你们 想 要 知道 了解 情况 现在 目前 最近 今年 具体 相关 方面 关于 哪 谁 为什么 咋 啥 是啥 意思 什么意思 告诉 说说 讲讲 一共'.split(' '),
)

export function contentTokens(question: string): string[] {
  return [...new Set(tokenize(question).filter((token) => !QUESTION_WORDS.has(token)))]
}

export interface Evidence {
  /** best cosine similarity of the question with a passage */
  dense: number
  /**
   * share of the question's content words found in the top passages (with their titles and headings),
   * each word weighted by its rarity in the corpus: 人民政府 found says little, 放假 missing says much
   */
  coverage: number
  /**
   * for a question that asks for a time, an amount or a count (几点开门, 花了多少钱, 有几家): whether a
   * passage holds one. None does: whatever its topic, the passage cannot answer, and it is not quoted.
   * False too when the question names a year that the passages' texts never name nor are dated in.
   */
  holdsKind?: boolean
}

const DIGIT = '[0-9０-９]'
const NUMBER = `(?:${DIGIT}|[一二三四五六七八九十百千万两]+)`
/**
 * What a count counts (几家, 多少个, 多少亩, 多少户, 全长多少公里): a passage holding that many of them (31家)
 * answers it best. 哪几个 asks which ones (哪几个园子, 哪几位代表), answered by their names, not by a number; 好几家
 * is "several" (是不是好几家都能管), asking none.
 */
const COUNT_ASKED = /(?:多少|(?<![哪第好])几)(个|家|所|名|位|人|条|项|次|起|宗|例|场|辆|座|处|部|栋|万|亿|亩|户|吨|台|间|套|株|棵|头|批|盏|根|块|张|公里|千米|平方米|平方)/
const GENERIC_COUNT = /^(?:个|万|亿)$/
/** An address (龙川路18号, 3号楼, 2楼, 位于…); not a motion's or a document's number (第71号, 〔2017〕4号, 9号文). */
const ADDRESS = new RegExp(`(?<![第〕\\]］)）0-9０-９])${DIGIT}+\\s*(?:号(?![文令]|提案|建议|议案|代表)|弄|栋|幢|楼|层|室)|[路街巷道]\\s*${DIGIT}|大楼|大厦|地址[:：]|位于|坐落于|地处`, 'u')
/**
 * Chinese measure words (量词) and units, the grammar's closed class a count is stated in; not those of time
 * (年, 月, 日, 天, 周, 小时, 岁): a date or a span of time (2019年9月30日, 三年内, 到期前1个月) is no number of things.
 */
const MEASURE_WORDS = '个(?!月|小时|工作日|星期|钟头)|家|所|名|位|人|条|项|次|辆|座|处|部|栋|幢|户|批|类|种|台|张|间|套|块|只|支|本|册|件|篇|场|届|期|轮|趟|班|路|站|片|层|级|份|组|队|床|起|宗|例|株|棵|头|艘|架|盏|根|亩|平方米|平方公里|平米|公里|千米|米|吨|元|倍|万|亿'
/** A thing built, laid, put up or replaced, done (修好, 装上, 划好停车位, 铺完, 换完). */
const PUT_IN_PLACE = '[修建装划铺盖搭种换](?:好|完|上)'
/** What is done to a work: started, finished, opened. */
const WORK_DONE = `(?:开工|动工|完工|竣工|建成|${PUT_IN_PLACE}|修通|通车|打通|贯通|开通|开放|开业|开张|投用|投入使用|完成|实施|启动|开建|改造|修)`
const WORK_ASKED = new RegExp(WORK_DONE)
/** A month a work is set for (8月份, 年底前, 下半年). */
const WORK_MONTH = new RegExp(`${NUMBER}\\s*(?:月|季度)|年[底初中末]|[上下]半年|月[底初末中]`)
/** A time a work is set for: a month, a year (not one in a document's number, 〔2019〕277号), a plan's period. */
const WORK_TIME = new RegExp(`${WORK_MONTH.source}|${NUMBER}\\s*年|年内|今年|明年|后年|当年|近期|年前|十[一二三四五]五|(?<![〔［\\[(（])(?:19|20)${DIGIT}{2}(?![〕］\\])）])`)
/** A year, with the month and day that follow it (2022年8月): the whole date is gone with an earlier year. */
const EARLIER_DATE = /(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])(?:\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*[日号])?)?/g
/** A work finished: asked when (什么时候建好, 哪年通车), the time a passage gives is that of its finishing. */
const FINISHED = /完工|竣工|建成|建好|修好|修通|修完|装好|装完|换好|换完|完成|通车|打通|贯通|开通|投用|投入使用|交付|亮灯|开放|开业|开张|启用|验收/
/** Started, not finished (哪年开工, 什么时候动工, 开工以后多久建成 asks both). */
const STARTED = /开工|动工|开建|启动|施工/
/** Saying the work comes next, after a step under way (正在招标，下一步实施动工; 完成后开工): when it is, as far as known. */
const NEXT_STEP = /下一步|下步|随后|完成后|结束后/
/** A work begun, or set to begin (计划8月开工, 2024年实施). */
const BEGUN = new RegExp(`${STARTED.source}|实施`)
const FINISHED_OR_BEGUN = new RegExp(`${FINISHED.source}|${BEGUN.source}`)
/** Saying there is no time yet, and why (暂无法实施, 尚未列入计划, 待资金落实后). */
const NONE_YET = /暂(?:无|不|未|缓|时无法)|尚(?:未|不|无)|无法|不具备|待[^，。；]{1,20}后/
/** Asked of a work done already (哪年修的, 从哪一年开始实施): its year may be long before the reply's. */
const ASKED_OF_PAST = /(?:修|建|造|盖|成|工|通|车|放|用|施|动)的|从|自|始建|已经?|曾/
/** What is paid or received (费, 补贴, 助学金, 保费 …): its amount is a sum. */
const MONEY = '费|收费|票价|价格|价钱|房租|租金|补贴|补助|奖补|奖励|工资|薪水|薪酬|工钱|报酬|罚款|罚金|助学金|救助金|抚恤金|扶助金|津贴|养老金|退休金|补偿|赔偿|保费|保额'
/**
 * A sum asked: a price named at the question's end asks for it (学区房价格); a fee there need not (怎么减免物业费).
 * 能补多少, 报销多少, 每月能取多少, 一年最少交多少 ask for a sum too, and a share (报销70%) answers them; 报销多少比例 asks
 * only the share (a rate, below), which a fee in 元 does not answer.
 * So does an investment or funding asked how much (总投资是多少, 资金具体是多少, 能争取到多少上级资金, 拿到多少畜牧业专项资金),
 * not how many projects; and a subsidy, an award or a benefit (补助标准是多少, 奖励多少, 一年能领多少助学金, 保费多少)
 * as a 补贴 is. A fee asked after its amount (收多少登记费) or whether it is paid (要不要交工本费, 要不要交钱, 要花钱不) asks for it
 * too: 免费 answers that.
 */
const SUM_ASKED = new RegExp(
  `多少钱|花了多少|(?:${MONEY})金?(?:标准)?(?:是|要|大概|一般|能[拿有]|有)?(?:多少|怎么收|贵不贵|高不高)|(?:投资|资金|经费|预算|造价)(?:金额|总额|规模)?(?:具体|大概|大约|一共|共|总共)?(?:是|有|为|要)?多少(?![个项家次批])|多少(?![个项家次批])[^，。？?]{0,8}(?:资金|经费|投资)|(?:收费|票价|价格|价钱|租金)(?:标准)?[呢？?]*$|收费吗|收不收费|要钱吗|免费吗|(?:要不要|用不用|需不需要|得不得)(?:交|缴|付|花|给)钱|(?:要|得|需要)(?:交|缴|付|花|给)钱(?:不|吗|么)|(?:交|缴|付|花)不(?:交|缴|付|花)钱|(?:要不要|用不用|需不需要|需要)(?:交|缴|付|收)[^，。？?]{0,4}费|(?:交|缴|付|收)不(?:交|缴|付|收)[^，。？?]{0,4}费|多少[^，。？?个项家次批消免]{0,4}费(?!者)|(?:补|报|报销|取|提取|领|领取|付|支付|赔|退|发|交|缴|缴纳|罚|收)多少(?![年天个次人岁周月日]|的?(?:比例|比率|成))|起付(?:线|标准)`,
)
/**
 * A sum written without 元, as reports often do: funds after the amount (40万福彩公益金, 200万专项资金) or funding
 * before it (投资20万, 申请40万); not 40万人 nor 3万平方米.
 */
const SUM_WITHOUT_YUAN = `${DIGIT}\\s*(?:万|亿)[^，。；,;0-9０-９]{0,4}?(?:公益金|资金|经费|专款|拨款)|(?:投资|资金|经费|拨付|拨款|筹集|争取|申请)[^，。；,;]{0,8}?${DIGIT}(?:\\.${DIGIT}+)?\\s*(?:万|亿)(?![人户个平亩吨株棵千米公元])`
/**
 * A share written as a fraction in digits (缴费额的2/3, 1/3左右) answers a share asked; not a date's 5/6 within 2023/5/6
 * nor a rate per person (元/人). Not a sum asked (最低要交多少钱): a subsidy's share of a contribution had answered one.
 */
const FRACTION = `(?<![0-9０-９/／.])${DIGIT}{1,2}\\s*[/／]\\s*${DIGIT}{1,2}(?![0-9０-９/／.])`
/**
 * A sum may be stated as a multiple of a base (月平均工资的三倍), not a bound (资产在低保标准20倍以下（含20倍）).
 * Being free says the sum (免费, 免收工本费, 不收取任何费用, a guide's 收费标准:无). A share is one of a sum (报销70%),
 * not a rate of something done (火化率达100%) nor a part of a whole (占全区任务的40%).
 */
const SUM_STATED = new RegExp(`${NUMBER}\\s*(?:万|亿)?元|${SUM_WITHOUT_YUAN}|免费|不收费|免收|免交|免缴|不收取|无需(?:缴纳|交纳|支付)|(?:收费|费用)(?:标准)?\\s*[:：]\\s*无|折|(?<!率[^，。；,;0-9０-９]{0,3}[0-9０-９.]*|占[^，。；,;0-9０-９]{0,12}[0-9０-９.]*)${DIGIT}\\s*[%％]|百分之|(?<![含0-9０-９一二三四五六七八九十百千万两])${NUMBER}\\s*倍(?!(?:[（(][^）)]{0,4}[)）])?\\s*[以之])`)
/**
 * A sum asked per month, per 亩 or per head (每个月托费多少, 每亩补贴多少钱, 一头要交多少保费) is answered by one stated
 * so (每月60元, 260元/人/月, 月租房补贴额240元, 每亩500元, 月缴费基数的2%), not by a project's total (总投资4000万元).
 * Not per year: budgets and contributions are stated by the year without saying so (个人缴纳20元).
 */
const PER_UNIT_ASKED = /(?:每|一|单)\s*(?:个|一)?\s*(月(?!份)|亩|头|只|件(?!事)|平方米|平米|吨|小时|天|日)/u
const AREA = /平方米|平米|㎡/u
const DAY = /天|日/u
const PER_UNIT_STATED: Record<string, RegExp> = { 月: /月/u, 亩: /亩/u, 头: /头/u, 只: /只/u, 件: /件/u, 平方米: AREA, 平米: AREA, 吨: /吨/u, 小时: /小时|时/u, 天: DAY, 日: DAY }
/**
 * A price asked for one thing (一个墓位要多少钱, 每个摊位收多少) is stated for that thing (墓位每个3000元) or for each one
 * (每个, /个), not as the sum a project got (申请40万福彩公益金).
 */
const PER_ITEM_ASKED = /(?:每|一)\s*个\s*(\p{Script=Han}{1,4}?)\s*(?:要|需要|得|大概|大约|一般|的|是|收)?\s*(?:多少钱|多少|什么价|几块钱|怎么收)/u
function perItem(question: string): RegExp | undefined {
  const item = PER_ITEM_ASKED.exec(question)?.[1]
  return item ? new RegExp(`${item}|每个|[/／]个`, 'u') : undefined
}
/**
 * A sum asked how it is reckoned (补助金是怎么算的, 养老金怎么算) is answered by the sum or by the rule computing it
 * (个人账户储存额除以139, 按本人工资的75%计发).
 */
const RECKONED_ASKED = new RegExp(`(?:${MONEY})金?(?:标准)?(?:是|要)?(?:怎么|如何|咋)(?:算|计算|核算|计发|确定)`)
const RECKONED_STATED = new RegExp(`${SUM_STATED.source}|除以|乘以|[×÷]|按[^，。；]{1,20}(?:计算|计发|核定|核算)`)
/** A length of time asked (多久, 几年, 多少个工作日); 后几年 is "the later years", but 发生后多少天内 and 交齐后几天能办好 ask a length. */
const LENGTH_ASKED = /(?:多久|多长时间)(?![^，。？?]{0,10}[一1][次回趟])|后几个?(?:天|日|工作日|周|星期|月)(?=[内能就才可之办批到拿领发])|(?:(?<![这近前头后哪元国])几|(?<![这哪])多少)个?(?:年(?!级)|月|天|日|周(?!岁)|星期|小时|工作日)/
/** So many of these units (满2年, 30日内, 24个月, 半年): not an age (80周岁), nor a date's year, month or day (2023年9月28日). */
const lengthIn = (units: string) => `(?<![0-9０-９〇零年月])(?:${DIGIT}{1,3}|[一二三四五六七八九十百千万两]+)\\s*(?:余|多)?\\s*个?(?:${units})|半\\s*个?(?:${units})`
const LENGTH_STATED = new RegExp(`${lengthIn('年|月|日|天|周(?!岁)|星期|小时|工作日|分钟')}|当[天日月年]|即时|立即|当场|长期|终身`)
/**
 * Asked in a unit (有效期是几年, 多少个月), a length is answered in that unit or a near one: a licence's 5年, not the
 * 20个工作日 its processing takes. Days may be counted in hours (住几天 → 24小时以上); 几月 asks which month.
 */
const LENGTH_UNIT_ASKED = /(?:几|多少)个?(年(?!级)|天|日|小时)|(?:几|多少)个(月)/
const DAYS = new RegExp(`${lengthIn('天|日|工作日|周|星期|月|小时')}|当[天日]|即时|立即|当场`)
const LENGTH_IN_UNIT: Record<string, RegExp> = {
  年: new RegExp(`${lengthIn('年')}|长期|终身`),
  月: new RegExp(lengthIn('年|月')),
  天: DAYS,
  日: DAYS,
  小时: new RegExp(`${lengthIn('小时|分钟')}|即时|立即|当场`),
}
const KINDS: [RegExp, RegExp, 'of a work'?][] = [
  // 几点 is also "a few points" (提了几点建议).
  // Whether it is open on a day (周末上不上班, 节假日开门吗) asks the same, answered by hours or the days it opens.
  [
    /几点(?!建议|意见|要求|措施|内容|做法|想法|看法|考虑)|(?:营业|开放|办公|服务)时间|上不上班|开不开门|(?:周末|双休日|节假日|周[六日]|星期[六日天])[^，。？?]{0,6}(?:上班|办公|营业|开门|开放)/,
    // Pages type a clock's colon as any two-dot sign: 6:30, 6：30, 6︰30, 6∶30.
    new RegExp(`${DIGIT}{1,2}[:：︰∶]${DIGIT}{2}|${NUMBER}[点时]|[上下]午|全天|24小时|周末|双休日|节假日|工作日|周[一二三四五六日]|星期[一二三四五六日天]`),
  ],
  [RECKONED_ASKED, RECKONED_STATED],
  [SUM_ASKED, SUM_STATED],
  // How often (多久清理一次, 隔多长时间来一趟, 多久去学校、小区讲一回, 发车频率) is answered by a frequency: 每天, 每周两次, 每15分钟, 30分钟一班,
  // 发车间隔高峰十分钟, 按季度; not by 定期 or 常态化, which say it recurs but not how often.
  [
    /(?:多久|多长时间|几天|几个?小时|几分钟|几周|几个?月)[^，。？?]{0,10}[一1][次回趟班]|隔(?:多久|多长)|间隔(?:多久|多长|时间|多少)|频率|频次|班次/,
    new RegExp(`每\\s*(?:隔\\s*)?(?:${NUMBER}\\s*个?)?\\s*(?:天|日|周|星期|月|季度?|年|小时|分钟)|${NUMBER}\\s*个?(?:分钟|小时|天|日|周|星期|月)\\s*[一1]\\s*[次趟班回]|天\\s*${NUMBER}\\s*[次趟班]|间隔[^，。；,;]{0,6}?${NUMBER}\\s*(?:分钟|小时|天|日|周|个?月)|按(?:季度?|月|周|年|日)|天天`),
  ],
  // A length of time is answered by one (满2年, 30日内, 24个月, 当天); not how often (多久发一次, answered by 按季度).
  // 公元几年 asks a year.
  [LENGTH_ASKED, LENGTH_STATED],
  // A day (哪天, 几号, 最晚什么时候) is answered by a date: 8月31日, 月底, 每月20日前; asked of a work (哪天建成开放),
  // by one for it, as the kinds below.
  // Not a house number (永平路36号).
  [/哪天|哪一天|几号|哪[个一]?日|(?:最晚|最迟|截止|截至)[^，。？?]{0,4}(?:什么时候|何时)/, new RegExp(`(?<![路街巷道弄]\\s*[0-9０-９]*)${NUMBER}\\s*[月日号]|月[底初末]|年[底初末]|当[天日]|之日|即日`), 'of a work'],
  // A month asked for the work (哪个月开工, 哪年哪月完工) is answered by one (8月份, 年底前, 下半年), not by a year (今年, "十五五").
  [new RegExp(`(?:哪个月|哪月|几月)[^，。？?]{0,6}${WORK_DONE}|${WORK_DONE}[^，。？?]{0,4}(?:哪个月|哪月|几月)`), WORK_MONTH, 'of a work'],
  // A year asked for it (哪年开工, 具体什么时候完工) is answered by a time, not by saying there is none yet: that
  // answers only when it will happen (啥时候能修 → 待资金落实后).
  [
    new RegExp(`(?:哪年|哪一年|具体[^，。？?]{0,6}(?:什么时候|何时|时间))[^，。？?]{0,6}${WORK_DONE}|${WORK_DONE}[^，。？?]{0,4}(?:哪年|哪一年|具体时间)`),
    WORK_TIME,
    'of a work',
  ],
  // When a project starts or ends (什么时候开工, 打通时间) is answered by a time (2025年, 年底前, 下半年,
  // "十五五"期间) or by saying there is none yet and why (暂无法实施, 尚未列入计划, 待资金落实后), not by a passage
  // saying only that the work is sought or studied (将积极争取, 正在研究).
  [
    new RegExp(`(?:什么时候|啥时候|何时)[^，。？?]{0,6}${WORK_DONE}|(?:开工|动工|完工|竣工|建成|通车|打通|贯通|开通|投用)[^，。？?]{0,4}(?:什么时候|啥时候|何时|时间)`),
    new RegExp(`${WORK_TIME.source}|${NONE_YET.source}`),
    'of a work',
  ],
  // A width or depth asked (路面有多宽, 河道多深) is answered by one said of it: 路面宽6米, 6米宽; a length is not one.
  [/多宽|宽度|多深|深度/, new RegExp(`[宽深][^，。；]{0,6}?${NUMBER}\\s*(?:米|公里|千米|厘米|[mM])|${NUMBER}\\s*(?:米|厘米)[宽深]`)],
  // A speed limit asked (限速多少, 能开多快, 时速是多少) is answered by a speed (60公里/小时, 限速40, 时速30公里), not by
  // the road's width or length: a reply on a widened road states those.
  [/(?:限速|车速|时速|速度)(?:标准)?(?:是|为|有|大概|一般|能到)?(?:多少|几)|(?:开|跑)多快|限速(?:标准)?[呢？?]*$/, new RegExp(`${NUMBER}\\s*(?:公里|千米|km|KM)\\s*(?:[/／每]\\s*(?:小时|时|h))|(?:限速|时速|车速)\\s*(?:为|是|不超过|不得超过|控制在)?\\s*${NUMBER}`)],
  // A length asked (全长多少公里, 有多长; not 多长时间, 有效期多长) is answered by a length (5.5公里, 800米), not by any number
  // (2018年, 3个村): a reply on the road states its year and its villages too.
  [/多少(?:公里|千米|米)|长度|全长|(?<![期限间时][是有为]?)多长(?!时间)/, new RegExp(`${NUMBER}\\s*(?:公里|千米|米|km|KM|m)(?![a-zA-Z])`)],
  // Who builds or designs it (哪家施工单位中标, 由谁承建, 哪家公司安装的, 哪家设计单位做的), or which firm does it (哪家公司拍的,
  // 哪个企业在运营), is answered by a passage naming a firm or the one contracted (…公司, 中铁…局, …设计院, 由…承建),
  // not by one saying only that the work is planned or done (组织设计单位编制方案).
  [
    /(?:哪家|哪个|什么|谁)[^，。？?]{0,6}(?:施工|承建|中标|安装)|(?:哪家|哪个|谁)[^，。？?]{0,6}(?:设计|监理)|(?:施工|承建|中标|设计|监理)(?:单位|方|企业|公司|院)(?:是|为)?(?:哪家|哪个|谁|什么)|哪(?:家|个)(?:公司|企业)/,
    /公司|集团|有限|企业|工程局|工程处|设计院|研究院|施工单位|中标|承建/,
  ],
  // The papers to bring (要带哪些材料, 需要提交什么资料, 凭什么证件) are answered by a passage naming some: 身份证, 户口簿,
  // 证明, 复印件, 申请表 …, or listing them (申请材料, 材料：, 提供…材料); not by one on the subsidy that names none, nor by
  // one where 材料 are what an office files (将有关材料归入档案, 收集相关证据材料).
  [
    /(?:哪些|什么|啥)(?:材料|资料|证件|证明)|(?:要|需要|得)带(?:什么|啥|哪些)|(?:需要|要)(?:提供|准备|提交|交)(?:什么|哪些|啥)(?:材料|资料|证件|东西)?/,
    /(?:材料|资料)\s*[:：]|(?:材料|资料)清单|申请材料|(?:提供|提交|携带|持|带|准备|递交|出具|填写)[^，。；]{0,8}(?:材料|资料|证件)|证明|证件|复印件|原件|身份证|户口|照片|申请表|申请书|合同|证书|凭证|发票|居住证|营业执照|银行卡|存折|社保卡|社会保障卡/,
  ],
  // An account to follow or an app to use (关注哪个公众号, 发消息的号叫啥, 在哪个APP里领券; not 哪个号码, a phone) is
  // answered by a passage naming one, not by one sending the reader to a counter.
  [/公众号|微信号|视频号|(?:哪个|什么)号(?!码)|号叫(?:啥|什么)|(?:哪个|什么|哪款|啥)(?:APP|App|app|小程序|客户端|软件)/, /公众号|微信号|视频号|微博|抖音|小程序|客户端|APP|App|app|软件|云闪付|支付宝|微信/],
  // An address asked for (办公地址在哪里, 地址是什么; not 地址变更) is answered by one: 安西路35号, 3号楼, 市民中心大楼2楼,
  // 位于…, or the text's contact address.
  [/地址(?:是|在|为)?(?:哪|什么|多少)|(?:什么|哪个)地址|地址[呢？?]*$/, ADDRESS],
  // Which place in an order (全国第几个, 第几批, 第几号) is answered by one: 第9个, 第二批, 第64号.
  [/第几/, new RegExp(`第\\s*(?:${DIGIT}+|[一二三四五六七八九十百千两]+)\\s*(?:个|名|位|家|批|座|所|大|届|次|号|期|轮)`)],
  // A count is a number of something (31家, 两所, 6100余家, 3个批次), not a list's numbering ((四), 第十二条), nor
  // the 一 of 统一, 一经 or 一项举措 ("a"): those are in nearly every passage. Nor a session (市十六届人大二次会议),
  // nor a sum (15万元): every reply names its session, and many state a budget.
  // 学生人数, 车位数量是多少 ask it too.
  [new RegExp(`${COUNT_ASKED.source}|(?:人数|数量|个数|户数|数目|总数)(?:是|有|为|大概|一共)*(?:多少|几)?[呢？?]*$`), new RegExp(`(?<![第0-9０-９〇零一二三四五六七八九十百千万两])(?!${NUMBER}+\\s*届|${NUMBER}+\\s*次(?:会议|全会|大会))(?:${DIGIT}+|(?!一(?![一二三四五六七八九十百千万两]))[一二三四五六七八九十百千万两]+)\\s*(?:余|多)?\\s*(?:${MEASURE_WORDS})(?<![万亿](?=元))`)],
  // A rate or a share (缴费比例, 报销比例是多少, 比例大概多少, 网办率多少, 按什么比例报销, 按多少税率征收, 比例有多高,
  // 占多少, 百分之几, 报销百分之多少) is answered by one: 8%, 百分之五十, 七成, 三分之一. Not how often (什么频率) or how well
  // (办事效率), nor one said to be the same everywhere (报一样的比例, asking since when).
  [/(?<!一样的?|相同的?|同样的?|统一的?)(?:比例|比率|费率|[^\s，。？?]率)(?:是|为|有)?(?:多少|几)?[呢？?]*$|(?:比例|比率|费率|占比)(?:是|为|有|能)?(?:大概|大约|一般|现在|目前)?(?:是|为|有|能)?(?:多少|几|多高|多大|高不高|大不大)|(?:多少|什么)的?(?:比例|比率|[^\s，。？?频效概]率)|(?<![频效概])率(?:是|为|有|能)?(?:多高|多大|高不高)|占了?(?:多少|几成)|百分之(?:几|多少)/, new RegExp(`${DIGIT}\\s*[%％‰]|百分之|千分之|${NUMBER}成|${NUMBER}分之|${FRACTION}`)],
]

/** What a passage must hold to answer the question at all: a time, an amount, a count. */
function answerKind(question: string): Kind | undefined {
  const kind = KINDS.find(([asks]) => asks.test(question))
  if (!kind) return undefined
  const ofWork = kind[2] === 'of a work' && WORK_ASKED.test(question)
  const finished = FINISHED.test(question)
  const started = STARTED.test(question)
  const stage = !ofWork ? undefined : finished && started ? FINISHED_OR_BEGUN : finished ? FINISHED : started ? BEGUN : undefined
  const per = kind[1] === SUM_STATED ? PER_UNIT_STATED[PER_UNIT_ASKED.exec(question)?.[1] ?? ''] ?? perItem(question) : undefined
  const unit = LENGTH_UNIT_ASKED.exec(question)
  const answers = (kind[1] === LENGTH_STATED && unit && LENGTH_IN_UNIT[unit[1] ?? unit[2]]) || kind[1]
  return { answers, toCome: ofWork && !ASKED_OF_PAST.test(question), stage, per }
}

/**
 * `toCome`: the work is still to come, so a year before the reply's (2017年我市谋划…) is no time it is set for.
 * `stage`: asked when it is (or was) finished or started, a time counts in a clause saying so (12月完工, 已于4月25日开放,
 * 计划8月开工), or saying there is none yet; not the date of a meeting or a permit on the way (4月12日召开专题协调会).
 */
interface Kind {
  answers: RegExp
  toCome: boolean
  stage?: RegExp
  /** a sum asked per month, per 亩 or per head: the unit its clause must name */
  per?: RegExp
}

function holdsAnswer({ answers, toCome, stage, per }: Kind, hit: Hit): boolean {
  const written = Number(hit.doc.date?.slice(0, 4))
  const text = toCome && written ? hit.chunk.text.replace(EARLIER_DATE, (date, year) => (Number(year) < written ? '' : date)) : hit.chunk.text
  if (stage) return clauses(text, answers).some((clause) => (answers.test(clause) || NEXT_STEP.test(clause)) && (stage.test(clause) || NONE_YET.test(clause)))
  if (per) return sentencesOf(text).some((sentence) => sentence.split(CLAUSE_BREAK).some((clause) => answers.test(clause) && per.test(clause)))
  // An address may be the text's contact address, shown with every answer from it.
  return answers.test(text) || (answers === ADDRESS && !!hit.doc.contact?.address)
}

/** A text's sentences: what ends with 。 or ；, or its line. */
function sentencesOf(text: string): string[] {
  return text.split(/[。；;\n]/u)
}
const CLAUSE_BREAK = /[，,]/u

/** A text's clauses, a time set off by a comma read with the clause it dates (2023年12月,该工程完工). */
function clauses(text: string, time: RegExp): string[] {
  return sentencesOf(text).flatMap((sentence) => {
    const parts = sentence.split(CLAUSE_BREAK)
    return parts.map((part, i) => (part.trim().length <= SHORT_TIME && time.test(part) && i + 1 < parts.length ? `${part}，${parts[i + 1]}` : part))
  })
}
/** How long a clause that is only a date may be: 2021年10月12日, 截至2023年底. */
const SHORT_TIME = 12

/**
 * The passages of the best hit's reply that hold what the question asks for (a time, an amount, a count,
 * for a count first those counting the very thing) ahead of the other hits: a passage lacking it cannot
 * answer, so it must not take a place among the best. Only that reply's: the ranking still says which
 * reply is on the topic, and another reply's fee is no answer to a canteen's price. `bestReplyLacks`: the
 * question asks for a kind that no passage of that reply holds, or names a year that reply never names, so another
 * reply's is no answer for it either.
 */
export function holdingKindFirst<T extends Hit>(hits: T[], question: string): { ordered: T[]; bestReplyLacks: boolean } {
  const wanted = answerKind(question)
  // A year asked (2024年…计划改哪几个小区) that the reply on the topic never names: another reply's passage naming
  // that year for something else (儿童游乐设施拟于2024年纳入实施) is no answer.
  const years = yearsNamed(question)
  const lacksYear = years.length > 0 && hits.length > 0 && !years.some((year) => namesYear(hits[0].doc, year))
  if (!wanted || hits.length === 0) return { ordered: hits, bestReplyLacks: lacksYear }
  const ahead = hits.filter((hit) => hit.doc.id === hits[0].doc.id && holdsAnswer(wanted, hit))
  // Of those, the ones counting what is asked for (有几家 → 31家) before a number of something else (85折).
  const counted = COUNT_ASKED.exec(question)?.[1]?.replace(GENERIC_COUNT, '')
  // (一家 is as often "a" as "one": 任何一家食堂. 几个 may be answered in 家 or 项: any number does. A round
  // count is one too: 6100余家, 200多所.)
  const exact = counted ? ahead.filter((hit) => new RegExp(`(?:${DIGIT}+|(?!一${counted})[一二三四五六七八九十百千万两]+)\\s*(?:余|多)?${counted}`).test(hit.chunk.text)) : []
  return { ordered: [...exact, ...ahead.filter((hit) => !exact.includes(hit)), ...hits.filter((hit) => !ahead.includes(hit))], bestReplyLacks: ahead.length === 0 || lacksYear }
}

/**
 * The clauses that frame a regulation: why it is made (为…，根据…，制定本办法), when it takes effect
 * (本办法自2014年1月1日起施行，原《…》同时废止), who interprets it (本办法由…负责解释), the cover of the
 * notice that sends it out (现将《…》印发给你们，请认真按照执行), and a reply's courtesies (COURTESIES).
 * They repeat the rules' name, so by words and by meaning they come close to any question on the rules;
 * each answers only what it says, when that is asked (为什么出台, 哪年开始试行, 由谁解释).
 */
const ARTICLE_START = '^\\s*(?:第[一二三四五六七八九十百零〇\\d]+条\\s*|[（(][一二三四五六七八九十]+[)）]\\s*|[一二三四五六七八九十]+、\\s*)?'
const THESE_RULES = '(?:本次?|以上|上述)(?:实施|政策)?(?:办法|规定|细则|条例|意见|通知|方案|规则|措施|决定|通告|公告|政策|标准)'
/**
 * A reply's courtesies and nothing else: the opening (首先，感谢您对我区养老服务工作的关注和重视。针对提案建议，
 * 现答复如下：) and the close (感谢您…的关心，同时真诚希望您继续…提出宝贵意见。此复函已经我局…局长审签。对以上
 * 答复您有什么意见，请及时反馈给我们。以上答复如有不妥，请批评指正。特此回复。). They answer nothing asked.
 */
const COURTESIES = new RegExp(
  '^\\s*(?:(?:' +
    [
      '(?:[一二三四五六七八九十]+、\\s*)?(?:首先[,，]?\\s*)?(?:非常|衷心|再次)?感谢[^。！!\\n]{0,60}?(?:关注|关心|支持|重视|厚爱|理解)(?:[^。！!\\n,，；;]{0,30}|[,，]\\s*(?:同时)?[^。！!\\n]{0,10}?(?:希望|欢迎|恳请|请|将继续|继续)[^。！!\\n]{0,50})[。！!]',
      '[^。\\n]{0,20}现(?:将[^。\\n]{0,20})?答复如下[:：。]?',
      '(?:专此|特此)(?:答复|回复|函复|复函|函告)[。！!]?',
      '此(?:复函|答复|件)[^。！!\\n]{0,20}(?:审签|签发|审核)[^。！!\\n]{0,10}[。！!]',
      '(?:如)?对(?:以上|上述|本)(?:答复|回复|办理)[^。！!\\n]{0,40}?(?:意见|满意|反馈|回执)[^。！!\\n]{0,40}[。！!]',
      '以上(?:答复|意见|回复)[^。！!\\n]{0,10}(?:不妥|不当|不周|不足)[^。！!\\n]{0,20}[。！!]',
    ].join('|') +
    ')\\s*)+$',
  'u',
)

/** Whether a text is a reply's courtesies only (a passage, or one sentence of one). */
export function isCourtesy(text: string): boolean {
  return COURTESIES.test(text)
}

/**
 * `asked`: the question may be about what the clause says, so it is not put last. `askedOfRules`: the
 * question asks it of the rules themselves (这个办法哪年开始试行, 政策有效期到什么时候, 由哪个部门解释), so the
 * clause of the text found is the answer, wherever the ranking put it.
 */
const FRAMING_CLAUSES: { clause: RegExp; asked: RegExp; askedOfRules: RegExp }[] = [
  {
    // …特制定本办法, …特制定如下措施：, …制定了《…办法》
    clause: new RegExp(`${ARTICLE_START}为了?[^。；]{2,160}?(?:特)?制定(?:${THESE_RULES}|(?:以下|如下)|了?《[^》]{2,80}》)`, 'u'),
    asked: /为什么|为何|目的|依据|根据什么|出台/,
    askedOfRules: /(?:为什么|为何)(?:要)?(?:出台|制定|印发|发布)|(?:出台|制定|印发|发布)[^，。？?]{0,10}?(?:目的|依据|原因)/,
  },
  {
    clause: new RegExp(`${ARTICLE_START}${THESE_RULES}[^。；]{0,40}?(?:(?:自|从|于)[^。；]{0,30}?(?:起|之日)[^。；]{0,6}?(?:施行|实施|执行|试行|生效)|有效期|执行期限?)`, 'u'),
    asked: /施行|实施|执行|试行|生效|有效期|废止|开始|出台|(?:什么时候|哪天|哪年|何时)起/,
    askedOfRules:
      /(?:什么时候|何时|哪天|哪一天|哪年|哪一年|几月|几号|日期|时间)[^，。？?]{0,6}?(?:施行|实施|执行|试行|生效|到期|截止|废止|失效)|(?:施行|实施|试行|生效)(?:时间|日期)|(?:政策|办法|规定|措施|通知|文件|条例|细则|意见|方案)[^，。？?]{0,4}?(?:有效期|执行期|期限)/,
  },
  {
    clause: new RegExp(`${ARTICLE_START}${THESE_RULES}由[^。；]{2,40}负责解释`, 'u'),
    asked: /解释/,
    askedOfRules: /由(?:谁|哪个?(?:部门|单位|机关))(?:负责)?解释|解释权/,
  },
  // A reply's courtesies and nothing else.
  {
    clause: COURTESIES,
    asked: /感谢|谢谢|满意|反馈|意见|回执|审签|签发/,
    askedOfRules: /(?!)/,
  },
  // A notice's cover that sends the rules out and nothing else (各区县人民政府：现将《…》印发给你们，请认真按照执行。)
  {
    clause: /^\s*(?:[^。\n]{2,80}[：:]\s*)?[^。\n]{0,160}?(?:印发|转发|下发)给你们[^。\n]{0,40}。?\s*$/u,
    asked: /印发|转发|下发|同意|通过|批准|施行|实施|执行|生效/,
    askedOfRules: /(?:谁|哪个?(?:部门|单位|机关|会议)|哪次会议?)[^，。？?]{0,4}?(?:同意|批准|审议|通过)|(?:印发|转发|下发)给(?:谁|哪些)/,
  },
]

/** The passages in this order, but a framing clause after the others unless the question asks what it says. */
export function framingClausesLast<T extends Hit>(hits: T[], question: string): T[] {
  const unasked = FRAMING_CLAUSES.filter(({ asked }) => !asked.test(question))
  const framing = hits.filter((hit) => unasked.some(({ clause }) => clause.test(hit.chunk.text)))
  return framing.length ? [...hits.filter((hit) => !framing.includes(hit)), ...framing] : hits
}

/**
 * Of a text's passages, those holding a framing clause that says what the question asks of the rules
 * themselves: on a line of its own too, since a closing 以上措施自…起施行 is read with the last item above it.
 */
export function framingClausesAsked<T extends { text: string }>(chunks: T[], question: string): T[] {
  const asked = FRAMING_CLAUSES.filter(({ askedOfRules }) => askedOfRules.test(question))
  const holds = (text: string) => text.split('\n').some((line) => asked.some(({ clause }) => clause.test(line)))
  return asked.length ? chunks.filter((chunk) => holds(chunk.text)) : []
}

/** `given`: the names the search was narrowed to (scopedWith): every passage judged holds them, so they count neither way. */
export function evidence(hits: Hit[], question: string, weight: (token: string) => number, given: string[] = [], top = 3): Evidence {
  const known = new Set(given.flatMap(contentTokens))
  const tokens = contentTokens(question).filter((token) => !known.has(token))
  const dense = Math.max(0, ...hits.map((hit) => hit.dense ?? 0))
  // Words as jieba cuts the passages, not substrings: 事 is not found in 事项, nor 网上 in 上网上报.
  const words = new Set(tokenize(hits.slice(0, top).map((hit) => [hit.doc.title, hit.doc.unit, ...hit.chunk.section, hit.chunk.text].join(' ')).join(' ')))
  const total = tokens.reduce((sum, token) => sum + weight(token), 0)
  const covered = tokens.filter((token) => words.has(token)).reduce((sum, token) => sum + weight(token), 0)
  const coverage = total > 0 ? covered / total : 0
  const wanted = answerKind(question)
  // A year the question names (凌源2023年的补助标准) is what is asked about: a text that never names it, nor a span
  // holding it (规划(2016-2020年)), nor is dated in it, states another year's (2021年…每户5000元). Of a span asked
  // (1944年到2009年), one year is enough.
  const years = yearsNamed(question)
  // A name the question quotes (九甲镇“云上九甲、十里栈道”项目总投资) is what is asked about: another project's sum
  // in the same passage is no answer.
  const names = [...question.matchAll(QUOTED_NAME)].map((match) => match[1])
  const holds = (hit: Hit) =>
    isQuotable(hit.chunk) &&
    holdsAnswer(wanted!, hit) &&
    (years.length === 0 || years.some((year) => statedFor(hit.chunk.text, wanted!.answers, year, writtenIn(hit.doc)))) &&
    names.every((name) => namedWith(hit.chunk.text, wanted!.answers, name))
  const ofYears = years.length === 0 || years.some((year) => hits.some((hit) => namesYear(hit.doc, year)))
  if (!wanted && ofYears) return { dense, coverage }
  return { dense, coverage, holdsKind: ofYears && (!wanted || hits.some(holds)) }
}

const YEAR_NAMED = /(?<![0-9０-９])((?:19|20)\d{2})\s*年(?!\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)/gu

/** The years a question names (2018年拨了多少钱; not one that opens a date, 2023年9月28日). */
function yearsNamed(question: string): number[] {
  return [...question.matchAll(YEAR_NAMED)].map((match) => Number(match[1]))
}

/** A name quoted in a question: “云上九甲、十里栈道”, 「一网通办」. */
const QUOTED_NAME = /[“「『"‘]([^”」』"’]{2,30})[”」』"’]/gu

/** Whether a sentence of the text names this and states what is asked. */
function namedWith(text: string, answers: RegExp, name: string): boolean {
  return sentencesOf(text).some((sentence) => sentence.includes(name) && answers.test(sentence))
}

/** The year a text was written in, when it is dated. */
function writtenIn(doc: Hit['doc']): number | undefined {
  return doc.date ? Number(doc.date.slice(0, 4)) : undefined
}

/** Whether a text is dated in a year, names it, or names a span holding it (2016-2020年, 2021年起). */
function namesYear(doc: Hit['doc'], year: number): boolean {
  return !!doc.date?.startsWith(String(year)) || doc.text.includes(String(year)) || holdsYear(yearSpans(doc.text, writtenIn(doc)), year)
}

/**
 * Whether a text states what is asked for a year asked (2018年拨了多少钱): in a clause naming that year, or
 * a span holding it (2016-2020年, 2021年起), or naming none in a sentence naming none other. 2016年…支持1600万元
 * is another year's sum, though the sentence names a plan of 2016-2020年 too.
 */
function statedFor(text: string, answers: RegExp, year: number, written?: number): boolean {
  return sentencesOf(text).some((sentence) => {
    const sentenceSpans = yearSpans(sentence, written)
    return sentence.split(CLAUSE_BREAK).some((clause) => {
      if (!answers.test(clause)) return false
      const spans = yearSpans(clause, written)
      return spans.length ? holdsYear(spans, year) : !sentenceSpans.length || holdsYear(sentenceSpans, year)
    })
  })
}

/** A year (2016年), a span (2016-2020年, 2017—2019年, 2016年至2018年) or a year on (2021年起, 2019年以来); a 文号's 〔2019〕 has no 年. */
const YEAR_SPAN = /(?<![0-9０-９])((?:19|20)\d{2})\s*(?:年\s*)?(?:(?:[-－—–~～]|至|到)\s*((?:19|20)\d{2})\s*年|年\s*(起|以来|开始|至今|后)|年)/gu

/** `written`: the year of the text, where 以来 and 至今 end (自2017年以来硬化130公里 says nothing of the year after). */
function yearSpans(text: string, written?: number): [number, number][] {
  return [...text.matchAll(YEAR_SPAN)].map(([, from, to, on]) => [Number(from), to ? Number(to) : on ? (UP_TO_NOW.test(on) && written) || Infinity : Number(from)])
}
const UP_TO_NOW = /以来|至今/u

function holdsYear(spans: [number, number][], year: number): boolean {
  return spans.some(([from, to]) => from <= year && year <= to)
}

/** The question asks for a time, an amount or a count, and these passages hold none (or names a year their texts never name). */
export function lacksKind({ holdsKind }: Evidence, calibration: Calibration): boolean {
  return holdsKind === false && calibration.answerKinds !== false
}

/** How far the evidence lies past the boundary of answering (negative: short of it). */
export function margin(evidence: Evidence, calibration: Calibration): number {
  const { dense, coverage } = evidence
  if (lacksKind(evidence, calibration)) return -1
  return Math.max(dense - calibration.semanticAlone, dense + calibration.coverageWeight * coverage - calibration.threshold)
}

export function isAnswerable(evidence: Evidence, calibration: Calibration): boolean {
  return margin(evidence, calibration) >= 0
}
