import { tokenize, loadSegmenter } from './index/segment.js'
let t = Date.now(); loadSegmenter(); console.log('load', Date.now() - t)
for (const s of ['长宁有什么创业扶持？', '网办率是多少？', '启动“马兰花计划”创业培训，帮助创业青年', '全区实际办件网办率91.02%，AIGC与元宇宙', '084号提案的答复怎么说的？', '辛洁暐委员的提案']) console.log(tokenize(s).join('/'))
