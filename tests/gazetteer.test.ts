import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPlaces, isWithin, splitPlacePrefix } from '../index/index.js'

const named = (text: string) => findPlaces(text).map((place) => place.text)

test('places of any province are found, the longest name first', () => {
  assert.deepEqual(named('广州市天河区的公园开放时间'), ['广州市', '天河区'])
  assert.deepEqual(named('拉萨有什么人才政策'), ['拉萨'])
  assert.deepEqual(named('黑龙江省的补贴'), ['黑龙江省'])
  assert.deepEqual(findPlaces('成都市武侯区').map((place) => place.stem), ['成都', '武侯'])
  // An autonomous area by its full name, its plain level word or its stem: 石林彝族自治县, 石林县, 石林.
  assert.deepEqual(findPlaces('石林彝族自治县的答复').map((place) => place.stem), ['石林'])
  assert.deepEqual(named('石林县的村卫生室'), ['石林县'])
  assert.deepEqual(findPlaces('新疆维吾尔自治区').map((place) => place.stem), ['新疆'])
})

test('a district named by one character and 区 (城区, 郊区, 东区) is that district only under its own city: alone, or under another city, it is "the urban area"', () => {
  assert.deepEqual(named('启东城区过年哪几天可以放鞭炮'), ['启东'])
  assert.deepEqual(named('城区小学什么时候报名'), [])
  assert.deepEqual(named('晋城市城区的提案'), ['晋城市', '城区'])
  assert.deepEqual(named('阳泉郊区的答复'), ['阳泉', '郊区'])
  // Under a city that has no such district it is that city's urban area.
  assert.deepEqual(named('阳江城区的学校'), ['阳江'])
  // A place before its area word, which jieba reads as 舞 + 钢城区 (a district of 济南), is the place written.
  assert.deepEqual(named('舞钢城区准备新添一所学校吗'), ['舞钢'])
  assert.deepEqual(named('钢城区的答复'), ['钢城区'])
  // A county named by one character is its name, alone too.
  assert.deepEqual(named('萧县的提案'), ['萧县'])
})

test('a county written short before its township in full is that county, whatever jieba reads across them', () => {
  // jieba reads 象山东陈乡 as 象 + 山东 + 陈乡.
  assert.deepEqual(named('象山东陈乡的河道什么时候清理'), ['象山', '东陈乡'])
  assert.deepEqual(named('象山茅洋乡的景点'), ['象山', '茅洋乡'])
  // Not a place in the province's name without a finer place after it: 确保山东 is 山东's.
  assert.deepEqual(named('确保山东的粮食安全'), ['山东'])
})

test('a short name before 村, 乡 or 镇 as an ending is that village or township, not the district or city', () => {
  assert.deepEqual(named('朝阳村的路灯坏了'), [])
  assert.deepEqual(named('湖滨村缺的钱该找谁要'), [])
  assert.deepEqual(named('同江银川乡的农田路'), ['同江', '银川乡'])
  // Before a word that begins so, it is the place.
  assert.deepEqual(named('成都乡村振兴政策'), ['成都'])
  assert.deepEqual(named('北京乡下的房子'), ['北京'])
})

test('an institution, road or line named after a place is not the place', () => {
  assert.deepEqual(named('南京大学今年招多少人'), [])
  assert.deepEqual(named('深圳证券交易所的新规'), [])
  assert.deepEqual(named('天津路拓宽工程'), [])
  // A river named after a city (苏州河, 黄浦江) is the river; the place's own rivers and channels (徐汇河道) are the place's.
  assert.deepEqual(named('苏州河边散步的路修通了吗'), [])
  assert.deepEqual(named('黄浦江边的步道开放了吗'), [])
  assert.deepEqual(named('徐汇区河道整治进展'), ['徐汇区'])
  assert.deepEqual(named('徐汇河道整治进展'), ['徐汇'])
  // Written with its level, it is the place before a road's or a park's word: its street lights, its blocks, its parks.
  assert.deepEqual(named('长宁区路灯坏了找谁'), ['长宁区'])
  assert.deepEqual(named('博乐市街区供暖问题'), ['博乐市'])
  assert.deepEqual(named('中山市湖心路的公交站'), ['中山市'])
  assert.deepEqual(named('杭州市第一人民医院怎么挂号'), [])
  // A place asked about its institutions is still the place.
  assert.deepEqual(named('成都市有几所大学'), ['成都市'])
  assert.deepEqual(named('武侯区的医院多不多'), ['武侯区'])
  // Its students are its own too: 大学生, 小学生 are people, not a 大学 or a 小学 named after it.
  assert.deepEqual(named('烟台大学生创业有补贴吗'), ['烟台'])
  assert.deepEqual(named('绵阳小学生课后服务几点结束'), ['绵阳'])
  // Its kind of institution right after its full name is the place's schools or hospitals, not one named after it.
  assert.deepEqual(named('青羊区小学什么时候报名'), ['青羊区'])
  assert.deepEqual(named('武侯区医院看病能报销吗'), ['武侯区'])
  assert.deepEqual(named('青羊实验小学什么时候报名'), [])
  assert.deepEqual(named('平江城区小学放学早'), [])
  // A preposition between the place and an institution is no part of a name: the place acts on the institution.
  assert.deepEqual(named('汤阴县对县医院门前的交通怎么答复的'), ['汤阴县'])
  assert.deepEqual(named('永定区关于城区小学扩建的建议怎么答复的'), ['永定区'])
  assert.deepEqual(named('上海对外经贸大学在哪'), [])
})

test('a district\'s short name jieba does not know, cut into its characters (莲|都), is the district', () => {
  assert.deepEqual(named('莲都的低保标准是多少'), ['莲都'])
  assert.deepEqual(named('鸠江的公租房怎么申请'), ['鸠江'])
})

test('a town\'s name begun inside a word jieba reads (高大/山镇) ends a longer name, and is not that town', () => {
  assert.deepEqual(named('供水管线通到高大山镇没有'), [])
  assert.deepEqual(named('到大山镇怎么走'), ['大山镇'])
})

test('a city short name is the city even where jieba reads it as a common noun or a verb', () => {
  // jieba tags 合肥 and 烟台 as nouns, 遵义 as a verb: missed, a question about them was answered from another city's texts.
  assert.deepEqual(named('合肥的人才公寓怎么申请'), ['合肥'])
  assert.deepEqual(named('烟台有没有购房补贴'), ['烟台'])
  assert.deepEqual(named('遵义的红色旅游线路'), ['遵义'])
  // jieba glues 苏州 to 企业 (苏州企业, one word): the city still, where the rest is a word of its own.
  assert.deepEqual(named('苏州企业房租减免'), ['苏州'])
  assert.deepEqual(named('三明治怎么做'), [])
})

test('a short form that is an ordinary word is not taken for a place, unless the texts name that place in full', () => {
  assert.deepEqual(named('和平发展是主题'), [])
  assert.deepEqual(named('高新技术企业认定'), [])
  // jieba tags 顺义 a noun: the district only for texts that name 顺义区 themselves.
  assert.deepEqual(named('顺义可以摆地摊吗'), [])
  assert.deepEqual(findPlaces('顺义可以摆地摊吗', new Set(['顺义'])).map((place) => place.text), ['顺义'])
  assert.deepEqual(findPlaces('和平发展是主题', new Set(['顺义'])).map((place) => place.text), [])
  // A name jieba's dictionary holds only as a rare noun is the district wherever it is a word of its own; a common word is not.
  assert.deepEqual(named('海珠的公租房怎么申请'), ['海珠'])
  assert.deepEqual(named('禅城的积分入学'), ['禅城'])
  assert.deepEqual(named('天台漏水谁来修'), [])
  assert.deepEqual(named('小店经营要办什么证'), [])
})

test('streets and towns count only with their ending', () => {
  assert.deepEqual(findPlaces('新华路街道的养老院').map((place) => [place.text, place.level]), [['新华路街道', 'street']])
  // The ending alone names no place, though the tables hold a street called just that.
  assert.deepEqual(named('街道的公众号叫什么'), [])
  assert.deepEqual(named('开发区有什么优惠政策'), [])
  // Nor do units the tables list at that level with no ending of a place: a farm (牛场 of 养牛场), a bureau, a quarter.
  assert.deepEqual(named('那个养牛场的路为啥修不了'), [])
  assert.deepEqual(named('林草局对这段路怎么答复的'), [])
  assert.deepEqual(findPlaces('达尔汗苏木的牧民').map((place) => [place.text, place.level]), [['达尔汗苏木', 'street']])
})

test('a unit name is split into its place prefix and its body', () => {
  const { places, rest } = splitPlacePrefix('广东省深圳市南山区教育局')
  assert.deepEqual(places.map((place) => place.text), ['广东省', '深圳市', '南山区'])
  assert.equal(rest, '教育局')
})

test('right after a district written in full, a county\'s short name is the next word (东昌区新建了 is no 新建区); names inside it keep their endings', () => {
  assert.deepEqual(named('通化东昌区新建了几座公厕'), ['通化', '东昌区'])
  assert.deepEqual(named('长宁区江苏路街道的食堂'), ['长宁区', '江苏路街道'])
  assert.deepEqual(named('江苏省南京的企业'), ['江苏省', '南京'])
})

test('a place lies in a city or province only if every place of its name does', () => {
  assert.equal(isWithin('舞钢', '平顶山'), true)
  assert.equal(isWithin('舞钢', '河南'), true)
  assert.equal(isWithin('天河区', '广州'), true)
  assert.equal(isWithin('天河区', '深圳'), false)
  // 北京 and 长春 each have a 朝阳区.
  assert.equal(isWithin('朝阳区', '北京'), false)
})
