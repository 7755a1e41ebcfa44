import assert from 'node:assert/strict'
import { test } from 'node:test'
import { maskMessage } from '../bot/conversation/mask.js'
import { questionEvent } from '../bot/conversation/log.js'

/** [what a person typed, the personal datum that must not reach the log] */
const HOSTILE: [string, string][] = [
  ['我的电话１３８１２３４５６７８', '13812345678'],
  ['手机 138.1234.5678 请回电', '138.1234.5678'],
  ['138－1234－5678找谁', '138-1234-5678'],
  ['138—1234—5678', '1234'],
  ['1 3 8 1 2 3 4 5 6 7 8 是我的手机', '5 6 7 8'],
  ['１３８ １２３４ ５６７８ 王先生', '5678'],
  ['+86 138 1234 5678', '1234'],
  ['＋８６－１３９１２３４５６７８', '9123'],
  ['0086 13812345678', '13812345678'],
  ['8613812345678', '8613812345678'],
  ['座机021-62290000', '62290000'],
  ['（０２１）６２２９ ００００', '6229'],
  ['电话 62290000，问问补贴', '62290000'],
  ['打0571 8765 4321', '8765'],
  ['身份证31010519900101123X', '31010519900101123X'],
  ['身份证号是１１０１０５１９４９１２３１００２ｘ', '11010519491231002'],
  ['证件 310105 19900101 1234', '19900101'],
  ['老身份证310105900101123', '310105900101123'],
  ['卡号6222 0212 3456 7890 123', '7890'],
  ['银行卡６２２２０２１２３４５６７８９０', '6222021234567890'],
  ['退款到6222-0212-3456-7890', '6222'],
  ['邮箱zhang.san@qq.com', 'zhang.san'],
  ['发到 Li_Si+bot@163.com.cn 谢谢', 'Li_Si'],
  ['ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ．ＣＯＭ', 'ZHANG'],
  ['微信号：zhang_san88', 'zhang_san88'],
  ['加我vx zhangsan1990', 'zhangsan1990'],
  ['WeChat id: ab-cdef99 联系', 'ab-cdef99'],
  ['wxid_k2l3m4n5o6 是我', 'k2l3m4n5o6'],
  ['QQ号 12345678', '12345678'],
  ['我住长宁路35弄12号402室，噪音太大', '35弄'],
  ['住在安西路３５号', '35号'],
  ['某某小区5栋1201漏水', '1201'],
  ['徐汇区漕溪北路88号大厦B座1808室', '1808'],
  ['延安西路1000弄3号楼2单元601', '601'],
  ['联系人李女士，手机139-1234-5678，住址安西路35号', '139'],
]

for (const [typed, secret] of HOSTILE) {
  test(`masks “${typed}”`, () => {
    const masked = maskMessage(typed)
    assert.ok(!masked.includes(secret), masked)
    assert.match(masked, /\[(手机号|电话|证件号|卡号|邮箱|微信号|QQ号|门牌|号码)\]/)
  })
}

test('the label says what was masked, and the words around it stay', () => {
  assert.equal(maskMessage('我的电话１３８１２３４５６７８，座机021-62290000'), '我的电话[手机号],座机[电话]')
  assert.equal(maskMessage('身份证31010519900101123X办什么'), '身份证[证件号]办什么')
  assert.equal(maskMessage('我住长宁路35弄12号402室'), '我住长宁路[门牌]')
  assert.equal(maskMessage('微信号：zhang_san88'), '微信号:[微信号]')
})

/** Numbers residents ask about: they are the question, not personal data. */
const KEPT = [
  '084号提案的答复',
  '第084号',
  '政协第十五届三次会议第084号提案',
  '15-2-152068号提案',
  '2-6-126号建议',
  '2024年4月30日的答复',
  '2024-04-30发布的文件',
  '2024.4.30',
  '2024/04/30',
  '共受理申报科技履约贷8家（4500万元）',
  '网办率91.02%',
  '2023年和2024年',
  '2023-2024年度',
  '总投资12345678元',
  '投入1234.5678万元',
  '服务1200000人次',
  '十四五规划',
  'G60科创走廊',
  '地铁3号线延伸',
]

for (const text of KEPT) {
  test(`keeps “${text}”`, () => {
    assert.equal(maskMessage(text), text.normalize('NFKC'))
  })
}

test('a question event keeps masked text of unanswered questions only', () => {
  const fields = { channel: 'wechaty' as const, user: 'ab', chat: 'private' as const, docIds: [], ms: 1 }
  const unanswered = questionEvent({ ...fields, intent: 'question', answered: false }, '我的手机１３８１２３４５６７８，问停车')
  assert.equal(unanswered.question, '我的手机[手机号],问停车')
  assert.equal(questionEvent({ ...fields, intent: 'question', answered: true }, '13812345678').question, undefined)
})
